"""Template context every page needs (site name, canonical base URL)."""

from django.conf import settings


def site(request):
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "PREMIUM_URL": settings.PREMIUM_URL,
    }
