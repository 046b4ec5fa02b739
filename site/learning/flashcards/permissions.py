"""Official deck editing in the Wagtail admin: the Instructors role (accounts.roles) holds
it; this grants it to any group.

These model rights only open the admin screens: which decks a user sees and may change
follows their page rights on each deck's course (see wagtail_hooks).
"""

from accounts.roles import DECK_EDITING, grant


def grant_deck_editing(group):
    """Idempotently let `group` add and edit official decks, cards and categories (but not
    delete a category, which other courses' decks share)."""
    grant(group, DECK_EDITING)
