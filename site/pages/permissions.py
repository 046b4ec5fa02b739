"""What the Marketers group may do in the Wagtail admin: curate what the public sees.

Marketers edit and publish pages (home page sections, landing pages, featuring a
course), testimonials, categories and examiner records, the site settings (branding
and menus), upload images, and read contact-form submissions. They get no access to
subscriptions or to Django admin. Run by load_demo; an admin can grant the same
through Settings > Groups on a real site.
"""

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

from .collections import grant_media

MARKETERS_GROUP = "Marketers"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
MODEL_PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "snippets": [
        *["add_testimonial", "change_testimonial", "delete_testimonial"],
        *["publish_testimonial", "lock_testimonial", "unlock_testimonial"],
        *["add_category", "change_category", "delete_category"],
        *["add_examiner", "change_examiner"],
    ],
    "pages": ["change_sitebranding", "change_sitenavigation"],
}
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]


def marketers_group(home):
    """Idempotently create the Marketers group with its permissions under `home`."""
    group, _ = Group.objects.get_or_create(name=MARKETERS_GROUP)
    for app_label, codenames in MODEL_PERMISSIONS.items():
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
    grant_media(
        group,
        Permission.objects.filter(
            content_type__app_label="wagtailimages", codename__in=IMAGE_PERMISSIONS
        ),
    )
    return group
