"""Sign-up, email verification and the account-enumeration rules."""

from django.core import mail
from django.urls import reverse

import pytest

from accounts.factories import TEST_PASSWORD, UserFactory
from accounts.models import User

from .helpers import links_in, path_of

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Cumulonimbus-42"


def sign_up(client, commit, email="new.pilot@example.test", name="Casey Newpilot"):
    with commit():
        return client.post(
            reverse("account_signup"),
            {
                "email": email,
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
                "display_name": name,
            },
        )


def test_signup_page_uses_the_site_layout(client):
    response = client.get(reverse("account_signup"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="skip-link"' in html
    assert "<main" in html
    assert 'for="id_display_name"' in html  # our field component, with labels


def test_signup_sends_a_verification_link_and_login_waits_for_it(client, commit):
    response = sign_up(client, commit)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")

    user = User.objects.get(email="new.pilot@example.test")
    assert user.profile.display_name == "Casey Newpilot"
    assert user.preferences.timezone == "UTC"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.pilot@example.test"]

    # Before verifying, logging in only re-sends the link; the user stays anonymous.
    client.post(reverse("account_login"), {"login": user.email, "password": NEW_PASSWORD})
    assert "_auth_user_id" not in client.session


def test_following_the_verification_link_verifies_and_logs_in(client, commit):
    sign_up(client, commit)
    confirm_url = path_of(links_in(mail.outbox[0])[0])

    page = client.get(confirm_url)
    assert page.status_code == 200
    assert b"new.pilot@example.test" in page.content
    response = client.post(confirm_url)
    assert response.status_code == 302

    home = client.get("/")
    assert b"Casey Newpilot" in home.content
    assert User.objects.get(email="new.pilot@example.test").emailaddress_set.get().verified


def test_a_bad_verification_key_explains_itself(client):
    response = client.get(reverse("account_confirm_email", args=["not-a-real-key"]))
    assert response.status_code == 200
    assert b"expired or is invalid" in response.content


def test_signing_up_with_a_taken_email_in_any_case_creates_nothing_and_tells_the_owner(
    client, commit
):
    owner = UserFactory(email="taken@example.test")
    response = sign_up(client, commit, email="Taken@Example.TEST", name="Impostor")

    # The response looks like a success so the form does not reveal who has an account...
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    # ...but no second account exists and the real owner is told someone tried.
    assert User.objects.filter(email__iexact="taken@example.test").count() == 1
    owner.refresh_from_db()
    assert owner.profile.display_name != "Impostor"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["taken@example.test"]
    assert "already exists" in mail.outbox[0].body


def test_signup_form_errors_keep_what_was_typed(client, commit):
    response = sign_up(client, commit, email="not-an-email", name="Kept Name")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Kept Name"' in html
    assert "field--invalid" in html
    assert not User.objects.exists()


def test_signup_requires_a_display_name(client, commit):
    response = sign_up(client, commit, name="")
    assert response.status_code == 200
    assert not User.objects.exists()


def test_html_in_the_display_name_is_shown_as_text(client, commit):
    sign_up(client, commit, name="<script>alert(1)</script>")
    client.post(path_of(links_in(mail.outbox[0])[0]))
    html = client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_verified_user_logs_in_with_any_letter_case(client):
    UserFactory(email="casey@example.test")
    response = client.post(
        reverse("account_login"), {"login": "  CASEY@Example.Test ", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_signup_still_succeeds_when_the_mail_server_is_down(client, commit, settings, caplog):
    settings.EMAIL_DELIVERY_BACKEND = "tests.config.failing_email_backend.DownEmailBackend"
    response = sign_up(client, commit)
    # The account is saved and the user is told to check their inbox; they can ask
    # for the link again from the login page once mail works.
    assert response.status_code == 302
    assert User.objects.filter(email="new.pilot@example.test").exists()
    assert "SMTP server is down" in caplog.text


def test_an_overlong_email_address_is_refused_not_shortened(client, commit):
    response = sign_up(client, commit, email="a" * 250 + "@example.test")
    assert response.status_code == 200
    assert b"at most 254 characters" in response.content
    assert not User.objects.exists()
