"""Account emails link to SITE_URL, the site's public address, whatever host the
request reached the app on (a proxy's upstream, or 127.0.0.1:8000 under make run)."""

from django.core import mail
from django.urls import reverse

import pytest

from accounts.factories import UserFactory

from .helpers import links_in

pytestmark = pytest.mark.django_db

PASSWORD = "Vne-never-exceed-163"


def test_the_confirmation_link_starts_at_site_url(client, commit, settings):
    settings.SITE_URL = "https://groundschool.example"
    with commit():
        client.post(
            reverse("account_signup"),
            {
                "display_name": "Robin Solo",
                "email": "robin@example.test",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
    (message,) = mail.outbox
    link = links_in(message)[0]
    assert link.startswith("https://groundschool.example/accounts/confirm-email/")


def test_the_password_reset_link_starts_at_site_url(client, commit, settings):
    settings.SITE_URL = "http://127.0.0.1:9000"
    user = UserFactory()
    with commit():
        client.post(reverse("account_reset_password"), {"email": user.email})
    (message,) = mail.outbox
    link = links_in(message)[0]
    assert link.startswith("http://127.0.0.1:9000/accounts/password/reset/key/")
