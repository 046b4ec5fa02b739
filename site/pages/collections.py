"""Media collections. Staff roles hold their image and document rights on "Site media"
(accounts.roles), never on the root collection: rights on the root reach every
collection below it, including "Flashcard pictures", where learners' private card
pictures live and which no group may open (only superusers see it in the admin)."""

from django.db import transaction

from wagtail.models import Collection

from accounts.roles import SITE_MEDIA

__all__ = ["FLASHCARD_PICTURES", "SITE_MEDIA", "child_collection"]

FLASHCARD_PICTURES = "Flashcard pictures"


def child_collection(name):
    """The root's child called ``name``, created on first use."""
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=name).first()
    if found is not None:
        return found
    with transaction.atomic():
        return root.add_child(name=name)
