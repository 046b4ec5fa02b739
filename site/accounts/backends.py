"""Authentication backend: allauth's email login, loading the user's profile and
preferences in the same query, because the header and every page's theme need them."""

from django.contrib.auth import get_user_model

from allauth.account.auth_backends import AuthenticationBackend


class EmailAuthenticationBackend(AuthenticationBackend):
    def get_user(self, user_id):
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related(
                "profile", "preferences", "subscription"
            ).get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
