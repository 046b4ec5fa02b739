"""Every user has a Profile and Preferences, however the user was created
(sign-up, createsuperuser, the admin, load_demo), so other code never checks."""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from .services import ensure_user_records


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts_user_records")
def create_user_records(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_user_records(instance)
