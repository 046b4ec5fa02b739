"""Times in the viewer's timezone (stored in UTC; docs/architecture.md)."""

import zoneinfo

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def in_zone(value, user):
    """``value`` in ``user``'s Preferences timezone (UTC when they have none)."""
    if value is None:
        return value
    preferences = getattr(user, "preferences", None)
    zone = preferences.zone if preferences is not None else zoneinfo.ZoneInfo("UTC")
    return timezone.localtime(value, zone)
