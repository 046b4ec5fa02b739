"""Media collections. Staff groups get their image and document rights on "Site media",
never on the root collection: rights on the root reach every collection below it,
including "Flashcard pictures", where learners' private card pictures live and which
no group may open (only superusers see it in the admin)."""

from django.contrib.auth.models import Permission
from django.db import transaction

from wagtail.models import Collection, GroupCollectionPermission

SITE_MEDIA = "Site media"
FLASHCARD_PICTURES = "Flashcard pictures"


def child_collection(name):
    """The root's child called ``name``, created on first use."""
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=name).first()
    if found is not None:
        return found
    with transaction.atomic():
        return root.add_child(name=name)


def grant_media(group, permissions):
    """Give ``group`` ``permissions`` on Site media, and take back any it held on the
    root (databases loaded before this rule)."""
    media = child_collection(SITE_MEDIA)
    root = Collection.get_first_root_node()
    GroupCollectionPermission.objects.filter(
        group=group, collection=root, permission__in=permissions
    ).delete()
    for permission in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=media, permission=permission
        )


def keep_media_off_root(group):
    """Move the image and document rights ``group`` holds on the root collection to Site
    media. Wagtail's first migrations give its own "Editors" and "Moderators" groups
    theirs on the root, so a demo group that reuses one of those names (the community
    Moderators) would otherwise open learners' Flashcard pictures."""
    root = Collection.get_first_root_node()
    on_root = GroupCollectionPermission.objects.filter(group=group, collection=root)
    permissions = list(Permission.objects.filter(pk__in=on_root.values("permission_id")))
    if permissions:
        grant_media(group, permissions)
