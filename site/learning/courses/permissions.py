"""What the Instructors group may do in the Wagtail admin: build and publish courses.

Instructors edit the catalog's page tree (and nothing else in the tree) and upload the
images and documents their lessons use. Run by load_demo; on a real site an admin can
grant the same through Settings > Groups.
"""

from django.contrib.auth.models import Permission

from wagtail.models import GroupPagePermission

from pages.collections import grant_media

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


def grant_course_editing(group, catalog):
    """Idempotently let `group` edit the course tree under `catalog` and add media."""
    for codename in PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=catalog, permission=permission)
    for app_label, codenames in MEDIA_PERMISSIONS.items():
        grant_media(
            group,
            Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames),
        )
