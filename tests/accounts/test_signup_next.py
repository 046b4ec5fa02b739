"""A guest who signs up from a lesson's call to action comes back to that lesson,
signed in, once they confirm their email: in the browser they signed up in, and (after
logging in) in any other browser the email is opened in. Only pages of this site."""

import html
import re
from urllib.parse import parse_qs, urlsplit

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest

from accounts.models import User
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module

from .helpers import links_in, path_of

pytestmark = pytest.mark.django_db

PASSWORD = "Cumulonimbus-42"
BODY = "Wake turbulence lingers behind heavy aircraft"
HIDDEN_NEXT = re.compile(r'<input type="hidden" name="next" value="([^"]*)"')


@pytest.fixture
def lesson():
    module = make_module(make_course(make_catalog()))
    return make_lesson(
        module,
        title="Wake turbulence",
        access_level="registered",
        body=[{"type": "paragraph", "value": f"<p>{BODY}.</p>"}],
    )


def sign_up_from(client, commit, next_url):
    with commit():
        response = client.post(
            f"{reverse('account_signup')}?next={next_url}",
            {
                "display_name": "Casey Newpilot",
                "email": "casey@example.test",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "next": next_url,  # the form's hidden field, as the page renders it
            },
        )
    assert response.status_code == 302
    (message,) = mail.outbox
    return path_of(links_in(message)[0])


def confirm(client, link):
    """Open the emailed link and press the button, as a browser does."""
    page = client.get(link)
    assert page.status_code == 200
    data = {}
    found = HIDDEN_NEXT.search(page.content.decode())
    if found:
        data["next"] = html.unescape(found.group(1))
    return client.post(urlsplit(link).path, data)


def is_signed_in(client):
    return "_auth_user_id" in client.session


def test_confirming_in_the_same_browser_signs_in_and_returns_to_the_lesson(client, commit, lesson):
    link = sign_up_from(client, commit, lesson.url)
    assert parse_qs(urlsplit(link).query)["next"] == [lesson.url]

    response = confirm(client, link)
    assert response["Location"] == lesson.url
    assert is_signed_in(client)
    assert BODY in client.get(lesson.url).content.decode()


def test_confirming_in_another_browser_logs_in_then_returns_to_the_lesson(client, commit, lesson):
    link = sign_up_from(client, commit, lesson.url)
    phone = Client()

    response = confirm(phone, link)
    login_url = response["Location"]
    assert urlsplit(login_url).path == reverse("account_login")
    assert parse_qs(urlsplit(login_url).query)["next"] == [lesson.url]
    assert not is_signed_in(phone)
    assert User.objects.get(email="casey@example.test").emailaddress_set.get().verified

    login_page = phone.get(login_url).content.decode()
    assert html.unescape(HIDDEN_NEXT.search(login_page).group(1)) == lesson.url
    logged_in = phone.post(
        login_url, {"login": "casey@example.test", "password": PASSWORD, "next": lesson.url}
    )
    assert logged_in["Location"] == lesson.url
    assert BODY in phone.get(lesson.url).content.decode()


def test_without_a_next_confirming_lands_on_the_dashboard(client, commit):
    with commit():
        client.post(
            reverse("account_signup"),
            {
                "display_name": "Casey Newpilot",
                "email": "casey@example.test",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
    link = path_of(links_in(mail.outbox[0])[0])
    assert "next=" not in link
    assert confirm(client, link)["Location"] == reverse("dashboard")
    assert is_signed_in(client)


@pytest.mark.parametrize("hostile", ["https://evil.example/", "//evil.example/lesson/"])
def test_a_hostile_next_never_reaches_the_email_or_the_redirect(client, commit, hostile):
    link = sign_up_from(client, commit, hostile)
    assert "evil" not in mail.outbox[0].body
    assert confirm(client, link)["Location"] == reverse("dashboard")


def tampered(link, hostile):
    return f"{urlsplit(link).path}?next={hostile}"


@pytest.mark.parametrize("hostile", ["https://evil.example/", "//evil.example/lesson/"])
def test_a_hostile_next_added_to_the_link_is_ignored(client, commit, lesson, hostile):
    link = sign_up_from(client, commit, lesson.url)
    # The browser that signed up goes where it signed up from.
    assert confirm(client, tampered(link, hostile))["Location"] == lesson.url


@pytest.mark.parametrize("hostile", ["https://evil.example/", "//evil.example/lesson/"])
def test_a_hostile_next_added_to_the_link_is_ignored_in_another_browser(
    client, commit, lesson, hostile
):
    link = sign_up_from(client, commit, lesson.url)
    response = confirm(Client(), tampered(link, hostile))
    assert response["Location"] == reverse("account_login")
