"""The one write of this part outside the nightly snapshots: a user's panel choice."""

from django.db import transaction

from ..models import DashboardPreference


def save_dashboard_panels(user, panels):
    """Store `user`'s panels (DashboardPanel values, in order). One row per user (a
    one-to-one), so a double submit updates the same row."""
    with transaction.atomic():
        preference, _ = DashboardPreference.objects.update_or_create(
            user=user, defaults={"panels": list(panels)}
        )
    return preference
