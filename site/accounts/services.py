"""Write paths for accounts (views call these and never save several models themselves;
docs/architecture.md)."""

from django.db import transaction

from .models import Preferences, Profile


def ensure_user_records(user):
    """Return the user's Profile and Preferences, creating any that is missing."""
    profile, _ = Profile.objects.get_or_create(user=user)
    preferences, _ = Preferences.objects.get_or_create(user=user)
    return profile, preferences


@transaction.atomic
def save_account_settings(profile_form, preferences_form):
    """Save both settings forms together, or neither (both must already be valid)."""
    profile = profile_form.save()
    preferences = preferences_form.save()
    return profile, preferences
