"""Rate limits, password reset and email change."""

from django.core import mail
from django.urls import reverse

import pytest

from accounts.factories import TEST_PASSWORD, UserFactory

from .helpers import links_in, path_of

pytestmark = pytest.mark.django_db


def test_repeated_failed_logins_are_answered_with_429(client):
    user = UserFactory()
    statuses = [
        client.post(
            reverse("account_login"), {"login": user.email, "password": "wrong"}
        ).status_code
        for _ in range(6)
    ]
    assert statuses[:5] == [200] * 5
    assert statuses[5] == 429
    # Even the right password is refused while the limit holds: the limit is the point.
    blocked = client.post(
        reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD}
    )
    assert blocked.status_code == 429
    assert b"Too many attempts" in blocked.content


def test_password_reset_end_to_end(client, commit):
    user = UserFactory(email="reset.me@example.test")
    with commit():
        response = client.post(
            reverse("account_reset_password"), {"email": "Reset.Me@example.test"}
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    reset_url = path_of(links_in(mail.outbox[0])[0])

    form_page = client.get(reset_url, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_url
    with commit():
        done = client.post(set_url, {"password1": "New-Runway-27L", "password2": "New-Runway-27L"})
    assert done.status_code == 302

    user.refresh_from_db()
    assert user.check_password("New-Runway-27L")
    assert not user.check_password(TEST_PASSWORD)
    login = client.post(
        reverse("account_login"), {"login": user.email, "password": "New-Runway-27L"}
    )
    assert login.status_code == 302


def test_password_reset_for_an_unknown_address_looks_the_same(client, commit):
    with commit():
        response = client.post(reverse("account_reset_password"), {"email": "nobody@example.test"})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")


def test_changing_email_needs_the_new_address_verified(client, commit):
    user = UserFactory(email="old@example.test")
    client.force_login(user)
    with commit():
        response = client.post(
            reverse("account_email"), {"action_add": "", "email": "new@example.test"}
        )
    assert response.status_code == 302
    new_mail = [m for m in mail.outbox if m.to == ["new@example.test"]]
    assert len(new_mail) == 1
    user.refresh_from_db()
    assert user.email == "old@example.test"  # unchanged until verified

    with commit():
        client.post(path_of(links_in(new_mail[0])[0]))
    user.refresh_from_db()
    assert user.email == "new@example.test"
