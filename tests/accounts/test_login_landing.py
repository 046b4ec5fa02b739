"""Where logging in lands: a `next` of this site wins; without one, learners land on
their dashboard and editors in the Wagtail admin, never on the marketing home page."""

from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from accounts.factories import TEST_PASSWORD, SubscriptionFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
DASHBOARD = reverse("dashboard")
ADMIN = reverse("wagtailadmin_home")


def learner():
    return UserFactory()


def premium_learner():
    return SubscriptionFactory().user


def member_of(role):
    def make():
        user = UserFactory()
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


def superuser():
    return UserFactory(is_staff=True, is_superuser=True)


ROLES = {
    "learner": (learner, DASHBOARD),
    "premium learner": (premium_learner, DASHBOARD),
    "instructor": (member_of("Instructors"), ADMIN),
    "marketer": (member_of("Marketers"), ADMIN),
    "moderator": (member_of("Moderators"), ADMIN),
    "superuser": (superuser, ADMIN),
}


def log_in(client, user, next_url=None):
    data = {"login": user.email, "password": TEST_PASSWORD}
    if next_url is not None:
        data["next"] = next_url
    response = client.post(LOGIN, data)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    return response["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_without_next_each_role_lands_where_its_work_is(client, role):
    make_user, landing = ROLES[role]
    assert log_in(client, make_user()) == landing


@pytest.mark.parametrize("role", ROLES)
def test_a_next_on_this_site_wins_for_every_role(client, role):
    make_user, _ = ROLES[role]
    assert log_in(client, make_user(), next_url="/courses/?page=2") == "/courses/?page=2"


@pytest.mark.parametrize(
    "hostile",
    [
        "https://evil.example/",
        "//evil.example/",
        "https:///evil.example/",
        "javascript:alert(1)",
        "dashboard",  # a bare word redirect() would reverse as a URL name
    ],
)
@pytest.mark.parametrize("role", ["learner", "instructor"])
def test_a_next_off_this_site_is_ignored(client, role, hostile):
    make_user, landing = ROLES[role]
    assert log_in(client, make_user(), next_url=hostile) == landing


def test_the_landing_pages_open_for_the_user_who_lands_there(client):
    log_in(client, learner())
    assert client.get(DASHBOARD).status_code == 200
    client.logout()
    log_in(client, member_of("Instructors")())
    assert client.get(ADMIN).status_code == 200


def test_wagtail_admin_login_still_brings_an_editor_into_the_admin(client):
    editor = member_of("Marketers")()
    handed_over = client.get("/admin/login/?next=/admin/pages/")["Location"]
    assert handed_over == f"{LOGIN}?next=/admin/pages/"
    assert log_in(client, editor, next_url="/admin/pages/") == "/admin/pages/"
    explorer = client.get("/admin/pages/", follow=True)  # on to the pages they may edit
    assert explorer.status_code == 200
    assert explorer.request["PATH_INFO"].startswith("/admin/pages/")


@pytest.mark.parametrize("role", ROLES)
def test_the_account_menu_offers_the_admin_to_every_editor_and_no_learner(client, role):
    make, landing = ROLES[role]
    log_in(client, make())
    html = client.get(DASHBOARD).content.decode()
    assert ('href="/admin/"' in html) == (landing == ADMIN)
