"""Access tiers (docs/architecture.md, "The tier rule"): the one rule every surface asks
before showing content.

Tiers are ordered so a check is a comparison: `tier_for(user) >= Tier.PREMIUM`.
STAFF (anyone who may edit pages in Wagtail) sees everything.
"""

from enum import IntEnum

from .standing import is_staff_member

_CACHE_ATTR = "_groundschool_tier"


class Tier(IntEnum):
    GUEST = 0
    REGISTERED = 1
    PREMIUM = 2
    STAFF = 3

    @property
    def label(self):
        return self.name.capitalize()


def tier_for(user):
    """The viewer's tier, computed once per user object (so once per request)."""
    if user is None or not user.is_authenticated:
        return Tier.GUEST
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    tier = _resolve(user)
    setattr(user, _CACHE_ATTR, tier)
    return tier


def _resolve(user):
    if is_staff_member(user):
        return Tier.STAFF
    subscription = getattr(user, "subscription", None)
    if subscription is not None and subscription.grants_premium():
        return Tier.PREMIUM
    return Tier.REGISTERED
