"""Saving an instructor profile: the one write path, used by the admin views and the
demo. The owner's user row is locked first, so a double submit of a first profile
updates one row instead of failing on the one-profile-per-user constraint; a slug taken
in the meantime by someone else becomes a form error, not a 500."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from ..models import InstructorProfile


def profile_of(user):
    """The user's profile, or None."""
    return InstructorProfile.objects.filter(user=user).first()


def save_profile(owner, form):
    """Save a valid InstructorProfileForm as `owner`'s profile; returns the profile, or
    None after adding a form error (the slug was taken at the last moment)."""
    try:
        with transaction.atomic():
            get_user_model().objects.select_for_update().filter(pk=owner.pk).first()
            profile = form.save(commit=False)
            existing = InstructorProfile.objects.filter(user=owner).values_list("pk", flat=True)
            profile.pk = profile.pk or next(iter(existing), None)
            profile.user = owner
            profile.save()
            return profile
    except IntegrityError:
        form.add_error("slug", "This address was just taken: choose another.")
        return None


def upsert_profile(owner, **fields):
    """Create or update `owner`'s profile with `fields` (the demo's path: its data is
    known good, so it skips the form)."""
    with transaction.atomic():
        profile, _ = InstructorProfile.objects.update_or_create(user=owner, defaults=fields)
    return profile
