"""The staff roles exist after `migrate` alone, do what their members need, and
ensure_roles() is safe to run any number of times."""

from io import StringIO

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.urls import reverse

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Site

import pytest

from accounts.factories import UserFactory
from accounts.roles import INSTRUCTORS, ROLES, SITE_MEDIA, ensure_roles
from learning.courses.factories import make_catalog

pytestmark = pytest.mark.django_db

ROLE_NAMES = ["Instructors", "Marketers", "Moderators"]


def member(client, role_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=role_name))
    client.force_login(user)
    return user


def codenames(name):
    return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))


def snapshot():
    """Every right any group holds, and the collections: what ensure_roles() may touch."""
    return (
        sorted(Group.objects.values_list("name", "permissions__codename")),
        sorted(GroupPagePermission.objects.values_list("group__name", "page_id", "permission_id")),
        sorted(
            GroupCollectionPermission.objects.values_list(
                "group__name", "collection__name", "permission_id"
            )
        ),
        sorted(Collection.objects.values_list("name", flat=True)),
    )


def test_migrate_leaves_the_three_roles_with_their_rights():
    assert set(ROLE_NAMES) <= set(Group.objects.values_list("name", flat=True))
    assert [role.name for role in ROLES] == ROLE_NAMES
    assert {"access_admin", "add_assessment", "change_deck", "change_mockoralsession"} <= (
        codenames("Instructors")
    )
    assert "delete_flashcardcategory" not in codenames("Instructors")
    assert {"access_admin", "publish_testimonial", "change_sitenavigation"} <= codenames(
        "Marketers"
    )
    assert {"access_admin", "change_review", "change_gougereport"} <= codenames("Moderators")


def test_no_role_holds_media_rights_on_the_root_collection():
    root = Collection.get_first_root_node()
    roles = Group.objects.filter(name__in=ROLE_NAMES)
    assert not GroupCollectionPermission.objects.filter(group__in=roles, collection=root).exists()
    media = GroupCollectionPermission.objects.filter(collection__name=SITE_MEDIA)
    assert media.filter(group__name="Instructors", permission__codename="add_document").exists()
    assert media.filter(group__name="Marketers", permission__codename="add_image").exists()
    assert media.filter(group__name="Moderators").exists()  # moved off Wagtail's root grant


def test_a_marketer_opens_the_admin_and_edits_the_home_page(client):
    member(client, "Marketers")
    home = Site.objects.get(is_default_site=True).root_page
    assert "<title>Dashboard - Wagtail</title>" in client.get("/admin/").content.decode()
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[home.pk]))
    assert editor.status_code == 200
    assert f"Editing Home page: {home.title}" in editor.content.decode()


def test_a_moderator_reaches_the_review_and_gouge_moderation_lists(client):
    member(client, "Moderators")
    assert "<title>Dashboard - Wagtail</title>" in client.get("/admin/").content.decode()
    for name, heading in (
        ("reviews_moderation", "Review moderation"),
        ("gouge_moderation", "Gouge moderation"),
    ):
        page = client.get(reverse(name))
        assert page.status_code == 200
        assert f"<title>{heading} - Wagtail</title>" in page.content.decode()


def test_an_instructor_reaches_the_admin_and_the_quizzes_but_not_the_home_page(client):
    member(client, "Instructors")
    home = Site.objects.get(is_default_site=True).root_page
    assert "<title>Dashboard - Wagtail</title>" in client.get("/admin/").content.decode()
    quizzes = client.get(reverse("wagtailsnippets_assessments_assessment:list"))
    assert quizzes.status_code == 200
    assert "<title>Assessments - Wagtail</title>" in quizzes.content.decode()
    add_under_home = reverse("wagtailadmin_pages:add", args=["pages", "standardpage", home.pk])
    refused = client.get(add_under_home)
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
    assert "Sorry, you do not have permission to access this area." in (
        client.get(refused["Location"]).content.decode()
    )


def test_instructors_edit_a_catalog_once_the_roles_are_applied_again(client):
    user = member(client, "Instructors")
    catalog = make_catalog(publish=True)
    assert not catalog.permissions_for_user(user).can_add_subpage()
    ensure_roles()
    user = type(user).objects.get(pk=user.pk)  # a fresh permission cache
    assert catalog.permissions_for_user(user).can_add_subpage()
    home = Site.objects.get(is_default_site=True).root_page
    assert not home.permissions_for_user(user).can_add_subpage()


def test_ensure_roles_twice_changes_nothing():
    before = snapshot()
    ensure_roles()
    ensure_roles()
    assert snapshot() == before


def test_ensure_roles_keeps_an_admins_additions_and_takes_back_category_deletion():
    group = Group.objects.get(name=INSTRUCTORS.name)
    extra = Permission.objects.get(content_type__app_label="reviews", codename="view_review")
    forbidden = Permission.objects.get(
        content_type__app_label="flashcards", codename="delete_flashcardcategory"
    )
    group.permissions.add(extra, forbidden)
    ensure_roles()
    assert "view_review" in codenames("Instructors")
    assert "delete_flashcardcategory" not in codenames("Instructors")


def test_roles_come_back_with_post_migrate():
    """A test database flush re-sends post_migrate: the roles are made again."""
    Group.objects.filter(name__in=ROLE_NAMES).delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert set(ROLE_NAMES) <= set(Group.objects.values_list("name", flat=True))
    assert "change_review" in codenames("Moderators")


def test_setup_roles_runs_clean():
    before = snapshot()
    out = StringIO()
    call_command("setup_roles", stdout=out)
    assert "Roles are set up." in out.getvalue()
    assert all(name in out.getvalue() for name in ROLE_NAMES)
    assert snapshot() == before
