"""Authentication backend: allauth's email login, loading the user's profile,
preferences, plan and flashcard study settings in the same query, because the header,
every page's theme, the tier and the dashboard's card counts need them."""

from django.contrib.auth import get_user_model

from allauth.account.auth_backends import AuthenticationBackend


class EmailAuthenticationBackend(AuthenticationBackend):
    def get_user(self, user_id):
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related(
                "profile", "preferences", "subscription", "study_settings"
            ).get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        # Readers may take the joined study settings as current only on a user loaded
        # here, fresh for this request (flashcards.services.current_study_settings).
        user.study_settings_joined = True
        return user if self.user_can_authenticate(user) else None
