"""The staff roles every Groundschool site has: Instructors, Marketers and Moderators.

Each role is declared once, here: its group name, the model permissions it holds (by
app label and codename, so this module imports no other project app), the Wagtail page
permissions it holds and on which pages, and its image and document rights on the
"Site media" collection. ensure_roles() makes the groups match. It runs after every
`migrate` (see accounts.apps) and from `manage.py setup_roles`, so a production site has
its roles without any demo content.

ensure_roles() only adds what a role lacks and takes back the few rights a role must
never hold, so rights an admin later gives a group through Settings > Groups survive.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

# Staff media rights live on this child of the root collection, never on the root: rights
# on the root reach every collection below it, including "Flashcard pictures", where
# learners' private card pictures live and which no group may open.
SITE_MEDIA = "Site media"

# Where a role's page permissions apply (Role.page_anchor).
SITE_ROOT = "site root"  # the default site's root page: the home page migrations create
COURSE_CATALOGS = ("courses", "courseindexpage")  # every course catalog page, once one exists

PAGE_EDITING = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
IMAGE_USE = ("add_image", "change_image", "choose_image")
DOCUMENT_USE = ("add_document", "change_document", "choose_document")


@dataclass(frozen=True)
class Capability:
    """Rights granted together: model permissions by app label, page permissions (on the
    pages the caller names), image and document rights on Site media, and model and
    page permissions (on those same pages) the group must not keep."""

    models: dict = field(default_factory=dict)
    pages: tuple = ()
    media: dict = field(default_factory=dict)
    revoked: dict = field(default_factory=dict)
    revoked_pages: tuple = ()


@dataclass(frozen=True)
class Role:
    name: str
    capabilities: tuple
    page_anchor: object = None  # SITE_ROOT, COURSE_CATALOGS or None (no page rights)


ADMIN_ACCESS = Capability(models={"wagtailadmin": ("access_admin",)})

# Editing a whole course catalog's page tree (and nothing else in the tree) and uploading
# the images and documents lessons use; courses.permissions grants it to other groups.
COURSE_EDITING = Capability(
    pages=PAGE_EDITING, media={"wagtailimages": IMAGE_USE, "wagtaildocs": DOCUMENT_USE}
)
# What the Instructors role holds on every catalog: adding a new course (whose creator
# becomes its lead, courses.wagtail_hooks) and the media rights. Editing an existing
# course follows its team (CourseInstructor.can_edit_content): courses.team_access keeps
# one group per course. The catalog-wide edit rights older databases gave the role are
# taken back.
COURSE_CREATING = Capability(
    pages=("add_page",),
    media={"wagtailimages": IMAGE_USE, "wagtaildocs": DOCUMENT_USE},
    revoked_pages=tuple(right for right in PAGE_EDITING if right != "add_page"),
)
# Quizzes are snippets: editing them needs the model's own rights on top of admin access;
# import, export and the learner preview need "change".
QUIZ_EDITING = Capability(
    models={
        "wagtailadmin": ("access_admin",),
        "assessments": (
            "add_assessment",
            "change_assessment",
            "delete_assessment",
            "view_assessment",
        ),
    }
)
# Official decks, their cards and the shared card categories. These only open the admin
# screens: which decks an instructor sees follows their page rights on each deck's
# course. Categories are shared by every course's decks, so deleting one is taken back:
# it would strip the category from other instructors' decks and cards.
DECK_EDITING = Capability(
    models={
        "flashcards": tuple(
            f"{action}_{model}"
            for action in ("add", "change", "delete", "view")
            for model in ("deck", "flashcard")
        )
        + tuple(f"{action}_flashcardcategory" for action in ("add", "change", "view"))
    },
    revoked={"flashcards": ("delete_flashcardcategory",)},
)
# Instructors grade the mock orals of learners in their courses (orals.access decides whose).
ORAL_GRADING = Capability(
    models={"orals": ("view_mockoralsession", "change_mockoralsession")},
)
# Instructors write the oral question bank and the scenarios mock orals are built on.
ORAL_WRITING = Capability(
    models={
        "orals": tuple(
            f"{action}_{model}"
            for action in ("add", "change", "delete", "view")
            for model in ("oralquestion", "scenario")
        )
    },
)
# Instructors decide which ACS skill elements can be evaluated on the ground (the one
# ACS flag they may edit; acs/wagtail_hooks.py shows them no other field).
ACS_FLAGS = Capability(models={"acs": ("view_acselement", "change_acselement")})
# Marketers curate what the public sees: pages, testimonials, categories and examiner
# records, the site settings (branding and menus) and images; no subscriptions and no
# Django admin.
SITE_CURATION = Capability(
    models={
        "snippets": (
            "add_testimonial",
            "change_testimonial",
            "delete_testimonial",
            "publish_testimonial",
            "lock_testimonial",
            "unlock_testimonial",
            "add_category",
            "change_category",
            "delete_category",
            "add_examiner",
            "change_examiner",
        ),
        "pages": ("change_sitebranding", "change_sitenavigation"),
    },
    pages=PAGE_EDITING,
    media={"wagtailimages": IMAGE_USE},
)
REVIEW_MODERATION = Capability(models={"reviews": ("view_review", "change_review")})
GOUGE_MODERATION = Capability(
    models={
        "gouge": ("view_gougereport", "change_gougereport", "view_gougeflag", "change_gougeflag")
    }
)

INSTRUCTORS = Role(
    "Instructors",
    (
        ADMIN_ACCESS,
        COURSE_CREATING,
        QUIZ_EDITING,
        DECK_EDITING,
        ORAL_GRADING,
        ORAL_WRITING,
        ACS_FLAGS,
    ),
    page_anchor=COURSE_CATALOGS,
)
MARKETERS = Role("Marketers", (ADMIN_ACCESS, SITE_CURATION), page_anchor=SITE_ROOT)
# Wagtail's first migrations already create a "Moderators" group (with page rights on
# the tree's root); this role adds community moderation to it.
CHAT_MODERATION = Capability(models={"chat": ("view_messagereport", "change_messagereport")})
MODERATORS = Role(
    "Moderators", (ADMIN_ACCESS, REVIEW_MODERATION, GOUGE_MODERATION, CHAT_MODERATION)
)
ROLES = (INSTRUCTORS, MARKETERS, MODERATORS)


def permissions(by_app):
    """The Permission rows for {app label: codenames}; a missing one is a mistake here."""
    found = []
    for app_label, codenames in by_app.items():
        rows = list(
            Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
        missing = set(codenames) - {row.codename for row in rows}
        if missing:
            raise LookupError(f"No permission {app_label}.{sorted(missing)}; migrate first?")
        found += rows
    return found


def anchor_pages(anchor):
    """The pages a role's page permissions apply to (none while they do not exist)."""
    if anchor == SITE_ROOT:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        return [site.root_page] if site else []
    if anchor:
        app_label, model = anchor
        return list(
            Page.objects.filter(content_type__app_label=app_label, content_type__model=model)
        )
    return []


def site_media():
    """The Site media collection, created on first use; None before Wagtail's root exists."""
    root = Collection.get_first_root_node()
    if root is None:
        return None
    found = root.get_children().filter(name=SITE_MEDIA).first()
    if found is not None:
        return found
    with transaction.atomic():
        return root.add_child(name=SITE_MEDIA)


def grant_media(group, media_permissions):
    """Give ``group`` ``media_permissions`` on Site media, and take back any it held on the
    root (databases loaded before this rule)."""
    media = site_media()
    if media is None:
        return
    GroupCollectionPermission.objects.filter(
        group=group, collection=Collection.get_first_root_node(), permission__in=media_permissions
    ).delete()
    for permission in media_permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=media, permission=permission
        )


def keep_media_off_root(group):
    """Move the image and document rights ``group`` holds on the root collection to Site
    media. Wagtail's first migrations give its own "Editors" and "Moderators" groups
    theirs on the root, so the Moderators role would otherwise open Flashcard pictures."""
    root = Collection.get_first_root_node()
    if root is None:
        return
    on_root = GroupCollectionPermission.objects.filter(group=group, collection=root)
    held = list(Permission.objects.filter(pk__in=on_root.values("permission_id")))
    if held:
        grant_media(group, held)


def grant(group, capability, pages=()):
    """Idempotently give ``group`` ``capability``, its page rights on ``pages``."""
    group.permissions.add(*permissions(capability.models))
    if capability.revoked:
        group.permissions.remove(*permissions(capability.revoked))
    page_rights = permissions({"wagtailcore": capability.pages}) if capability.pages else []
    for page in pages:
        for permission in page_rights:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    if capability.revoked_pages and pages:
        GroupPagePermission.objects.filter(
            group=group,
            page__in=pages,
            permission__in=permissions({"wagtailcore": capability.revoked_pages}),
        ).delete()
    if capability.media:
        grant_media(group, permissions(capability.media))


def ensure_role(role, pages=None):
    """The role's group with every right the role declares; page rights on ``pages``
    when given, else on the role's anchor pages."""
    with transaction.atomic():
        group, _ = Group.objects.get_or_create(name=role.name)
        keep_media_off_root(group)
        anchored = anchor_pages(role.page_anchor) if pages is None else pages
        for capability in role.capabilities:
            grant(group, capability, anchored)
    return group


def ensure_roles():
    """Create or complete every role's group; running it again changes nothing."""
    return {role.name: ensure_role(role) for role in ROLES}


def instructors_group():
    return ensure_role(INSTRUCTORS)


def marketers_group():
    return ensure_role(MARKETERS)


def moderators_group():
    return ensure_role(MODERATORS)
