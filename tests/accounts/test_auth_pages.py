"""allauth's pages speak the site's language: "Create account" and "Log in", required
fields marked, and the password rules as one short line built from the settings, while
a refused password still says exactly which rule it broke."""

import re

from django.urls import reverse

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

LIBRARY_WORDS = ["Sign Up", "Sign In", "Sign Out", "Signup", "sign in", "Remember Me"]
DJANGO_RULE_LIST = "Your password can\u2019t be"  # Django's list, typographic quote
VALIDATORS = "django.contrib.auth.password_validation"


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


def main_of(html):
    return html[html.index("<main") : html.index("</main>")]


def title_and_heading(html):
    title = re.search(r"<title>(.*?) ·", html, re.S).group(1).strip()
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).strip()
    return title, heading


GUEST_PAGES = {
    "account_signup": ("Create account", "Create your free account"),
    "account_login": ("Log in", "Log in"),
    "account_reset_password": ("Reset your password", "Reset your password"),
    "account_reset_password_done": ("Check your email", "Check your email"),
    "account_email_verification_sent": ("Check your email", "Check your email"),
}
MEMBER_PAGES = {
    "account_logout": ("Log out", "Log out"),
    "account_email": ("Email address", "Email address"),
    "account_change_password": ("Change password", "Change password"),
}


@pytest.mark.parametrize("name", GUEST_PAGES)
def test_guest_pages_are_titled_in_our_words(client, name):
    html = html_of(client.get(reverse(name)))
    assert title_and_heading(html) == GUEST_PAGES[name]
    assert not [word for word in LIBRARY_WORDS if word in main_of(html)]


@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_member_pages_are_titled_in_our_words(client, name):
    client.force_login(UserFactory())
    html = html_of(client.get(reverse(name)))
    assert title_and_heading(html) == MEMBER_PAGES[name]
    assert not [word for word in LIBRARY_WORDS if word in main_of(html)]


def test_signup_says_create_account_and_links_to_log_in_keeping_next(client):
    html = main_of(html_of(client.get(reverse("account_signup") + "?next=/courses/")))
    assert re.search(r'<button[^>]*type="submit"[^>]*>\s*Create account\s*</button>', html)
    assert f'href="{reverse("account_login")}?next=%2Fcourses%2F">Log in</a>' in html


def test_login_says_log_in_and_offers_an_account(client):
    html = main_of(html_of(client.get(reverse("account_login"))))
    assert re.search(r'<button[^>]*type="submit"[^>]*>\s*Log in\s*</button>', html)
    assert "Create a free account" in html


def test_every_signup_field_is_marked_required_in_words_and_in_the_markup(client):
    html = main_of(html_of(client.get(reverse("account_signup"))))
    for field, label in [
        ("display_name", "Your name"),
        ("email", "Email"),
        ("password1", "Password"),
        ("password2", "Password (again)"),
    ]:
        label_html = re.search(rf'<label for="id_{field}">(.*?)</label>', html).group(1)
        assert label_html.startswith(label)
        assert "(required)" in label_html
        input_html = re.search(rf'<input[^>]*name="{field}"[^>]*>', html).group(0)
        assert " required" in input_html
    assert "(optional)" not in html


def test_the_name_comes_first_and_a_missing_name_is_named(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "a@example.test", "password1": "Cumulonimbus-42", "password2": "x"},
    )
    html = main_of(html_of(response))
    assert html.index('name="display_name"') < html.index('name="email"')
    assert "Enter your name." in html


def test_password_rules_are_one_short_line_not_djangos_list(client):
    html = main_of(html_of(client.get(reverse("account_signup"))))
    assert DJANGO_RULE_LIST not in html
    assert (
        "At least 8 characters; not like your name or email, not a common password and "
        "not all numbers." in html
    )


def test_the_rule_line_follows_the_validators_in_settings(client, settings):
    settings.AUTH_PASSWORD_VALIDATORS = [
        {"NAME": f"{VALIDATORS}.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
        {"NAME": f"{VALIDATORS}.NumericPasswordValidator"},
    ]
    html = html_of(client.get(reverse("account_signup")))
    assert "At least 12 characters; not all numbers." in html


@pytest.mark.parametrize(
    ("password", "rule_broken"),
    [
        ("Vfr-42", "too short. It must contain at least 8 characters"),
        ("password123", "too common"),
        ("83920174", "entirely numeric"),
        ("casey.newpilot", "too similar to the email"),
    ],
)
def test_a_refused_password_names_the_rule_it_broke(client, password, rule_broken):
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "Casey",
            "email": "casey.newpilot@example.test",
            "password1": password,
            "password2": password,
        },
    )
    assert rule_broken in html_of(response)


@pytest.mark.parametrize("name", ["account_change_password", "account_set_password"])
def test_setting_a_new_password_shows_the_same_short_line(client, name):
    user = UserFactory()
    if name == "account_set_password":
        user.set_unusable_password()
        user.save()
    client.force_login(user)
    html = html_of(client.get(reverse(name)))
    assert "At least 8 characters;" in html
    assert DJANGO_RULE_LIST not in html


def test_the_confirmation_page_asks_in_our_words(client):
    address = UserFactory(verified=False).emailaddress_set.get()
    key = EmailConfirmationHMAC(address).key
    page = html_of(client.get(reverse("account_confirm_email", args=[key])))
    assert title_and_heading(page) == ("Confirm your email address", "Confirm your email address")
    html = main_of(page)
    assert address.email in html
    assert re.search(r"<button[^>]*>\s*Confirm my email address\s*</button>", html)


def test_the_reset_link_page_asks_for_a_new_password_in_our_words(client):
    user = UserFactory()
    page = client.get(
        reverse(
            "account_reset_password_from_key",
            kwargs={
                "uidb36": user_pk_to_url_str(user),
                "key": default_token_generator.make_token(user),
            },
        )
    )
    html = html_of(client.get(page["Location"]))  # allauth moves the key into the session
    assert title_and_heading(html) == ("Choose a new password", "Choose a new password")
    assert "New password (again)" in html
    assert "At least 8 characters;" in html
