"""Every way into the site goes through allauth (verification, rate limits, enumeration)."""

from urllib.parse import parse_qs, urlsplit

from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

import pytest

from accounts.factories import UserFactory
from accounts.middleware import UserTimezoneMiddleware
from tests.urlmap import all_routes

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")


def login_routes():
    """Every route whose name or path says login, except allauth's own pages."""
    return [
        route
        for route in all_routes()
        if "login" in f"{route.name} {route.route}".lower()
        and not (route.name or "").startswith("account_")
    ]


def test_the_sweep_sees_every_known_login_page():
    names = {route.name for route in login_routes()}
    assert {"wagtailcore_login", "wagtailadmin_login_redirect", "login"} <= names


@pytest.mark.parametrize("route", login_routes(), ids=str)
def test_every_other_login_page_hands_over_to_allauth(client, route):
    path = route.fill({})
    response = client.get(f"{path}?next=/dashboard/")
    assert response.status_code == 302, path
    assert response["Location"].startswith(LOGIN), path
    assert parse_qs(urlsplit(response["Location"]).query)["next"] == ["/dashboard/"], path


@pytest.mark.parametrize("verified", [True, False])
@pytest.mark.parametrize("route", login_routes(), ids=str)
def test_no_other_login_page_checks_a_password(client, route, verified):
    """Only allauth's page may sign in: it alone rate-limits failures and insists on a
    verified email. Wagtail's front-end login at /_util/login/ used to sign in anyone,
    unverified admins included, with no limit on wrong passwords."""
    user = UserFactory(is_staff=True, is_superuser=True, verified=verified)
    path = route.fill({})
    for field in ("username", "login", "email"):
        response = client.post(path, {field: user.email, "password": "correct-horse-battery"})
        assert response.status_code == 302, path
        assert response["Location"].startswith(LOGIN), path
    assert "_auth_user_id" not in client.session, path


def test_a_login_restricted_page_sends_guests_to_the_site_login(client):
    page = Page.objects.get(depth=2)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={page.url}"


def test_wagtail_admin_login_hands_over_to_the_site_login(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/admin/pages/"
    assert client.get("/admin/")["Location"].startswith(LOGIN)


def test_django_admin_login_hands_over_to_the_site_login(client):
    response = client.get("/django-admin/login/?next=/django-admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_a_password_posted_to_the_old_admin_login_is_not_checked(client):
    user = UserFactory(is_staff=True, verified=False)
    client.post("/admin/login/", {"username": user.email, "password": "correct-horse-battery"})
    client.post(
        "/django-admin/login/", {"username": user.email, "password": "correct-horse-battery"}
    )
    assert "_auth_user_id" not in client.session


def test_times_follow_the_signed_in_users_timezone():
    seen = []
    middleware = UserTimezoneMiddleware(
        lambda request: seen.append(timezone.get_current_timezone_name())
    )
    user = UserFactory()
    user.preferences.timezone = "America/Denver"
    user.preferences.save()

    request = RequestFactory().get("/")
    request.user = user
    middleware(request)
    request.user = type("Guest", (), {"is_authenticated": False})()
    middleware(request)
    assert seen == ["America/Denver", "UTC"]
