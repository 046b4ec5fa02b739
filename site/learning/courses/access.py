"""Who may see which lesson content: the tier rule (docs/architecture.md) for courses.

Every surface that shows lesson content (page HTML, gated blocks, search, resources,
documents) asks these functions, so the rule lives in one place.
"""

from django.db import models

from accounts.tiers import Tier, tier_for

PREVIEW_TIER_ATTR = "groundschool_preview_tier"


class AccessLevel(models.TextChoices):
    GUEST = "guest", "Everyone (guests included)"
    REGISTERED = "registered", "Registered learners"
    PREMIUM = "premium", "Premium members"


TIER_BY_LEVEL = {
    AccessLevel.GUEST: Tier.GUEST,
    AccessLevel.REGISTERED: Tier.REGISTERED,
    AccessLevel.PREMIUM: Tier.PREMIUM,
}


def required_tier(access_level):
    """The minimum tier for an access level; unknown values fail closed to PREMIUM."""
    return TIER_BY_LEVEL.get(access_level, Tier.PREMIUM)


def lesson_tier(access_level, is_free_preview):
    """The tier a lesson needs: a free preview is open to all, else its access level's."""
    return Tier.GUEST if is_free_preview else required_tier(access_level)


def viewer_tier(request):
    """The tier content is rendered for: an editor's preview choice, else the user's."""
    if request is None:
        return Tier.GUEST
    override = getattr(request, PREVIEW_TIER_ATTR, None)
    if override is not None:
        return override
    return tier_for(request.user)


def levels_visible_to(tier):
    """Access levels a viewer of `tier` may read in full (for queryset filters)."""
    return [level for level, needed in TIER_BY_LEVEL.items() if tier >= needed]
