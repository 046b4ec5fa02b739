"""What home and landing page sections show from apps that sit above `pages`.

`pages` is below `learning.courses` in the layering (course pages extend BasePage), so a
home section may not import course models. An app with something to feature registers
a provider under one of these Wagtail hook names instead (learning.courses does, in its
wagtail_hooks.py); with none registered the section simply shows nothing.
"""

from wagtail import hooks

COURSE_CARDS_HOOK = "home_course_cards"
SITE_COUNTS_HOOK = "home_site_counts"


def course_cards():
    """Live, public courses ready for course cards (a queryset), or None."""
    for provider in hooks.get_hooks(COURSE_CARDS_HOOK):
        return provider()
    return None


def site_counts():
    """Live counts ({"courses": 12, "lessons": 140}) for the stats strip."""
    counts = {}
    for provider in hooks.get_hooks(SITE_COUNTS_HOOK):
        counts.update(provider())
    return counts
