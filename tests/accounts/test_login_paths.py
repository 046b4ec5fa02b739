"""Every way into the site goes through allauth (verification, rate limits, enumeration)."""

from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.factories import UserFactory
from accounts.middleware import UserTimezoneMiddleware

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")


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
