"""Rate limits for our own endpoints, counted by allauth's limiter (the one that guards
login and sign-up), so every limit in the product is one line of
settings.ACCOUNT_RATE_LIMITS ("5/5m/ip", "3/h/user") and shares its cache."""

from allauth.core import ratelimit

from core.fragments import refusal


def throttled(request, action, message):
    """A 429 refusal (page or JSON) when `request` is over the `action` limit, else None.

    Each call counts one use, so call it once per attempt, before the costly work."""
    if ratelimit.consume(request, action=action):
        return None
    return refusal(request, message, status=429)
