"""Show times in the viewer's own time zone (Preferences.timezone); guests see UTC."""

import zoneinfo

from django.utils import timezone


class UserTimezoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        preferences = (
            getattr(request.user, "preferences", None) if request.user.is_authenticated else None
        )
        try:
            zone = preferences.zone if preferences else None
        except zoneinfo.ZoneInfoNotFoundError:
            zone = None  # a zone removed from the tz database since it was saved
        if zone:
            timezone.activate(zone)
        else:
            timezone.deactivate()
        return self.get_response(request)
