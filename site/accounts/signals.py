"""Every user has a Profile and Preferences, however the user was created
(sign-up, createsuperuser, the admin, load_demo), so other code never checks; and a
session remembers whether its user is staff (the header's Admin link)."""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save
from django.dispatch import receiver

from .services import ensure_user_records
from .standing import STAFF_MEMBER_SESSION_KEY, is_staff_member


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts_user_records")
def create_user_records(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_user_records(instance)


@receiver(user_logged_in, dispatch_uid="accounts_remember_staff_standing")
def remember_staff_standing(sender, request, user, **kwargs):
    """Remember at log-in whether the header's account menu offers the Wagtail admin.

    Asking on every page would cost two permission queries per signed-in page view.
    A role granted or removed later shows from the next log-in; the admin itself
    checks the permission on every request, so a stale link only leads to a refusal.
    """
    if request is not None and hasattr(request, "session"):
        request.session[STAFF_MEMBER_SESSION_KEY] = is_staff_member(user)
