"""A visitor signs up, verifies their email, logs in and sees their name, in Chromium."""

import re

from django.core import mail

import pytest

# serialized_rollback keeps the home page the migrations created across these
# transactional tests (live_server needs real commits).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Downwind-Leg-09"


def test_home_page_renders_with_keyboard_skip_link(page):
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Pass your checkride with confidence"
    )
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()


def test_visitor_signs_up_verifies_and_logs_in(page, mailoutbox):
    page.goto("/")
    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Your name").fill("Jordan Crosswind")
    page.get_by_label("Email").fill("jordan@example.test")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    page.get_by_role("heading", name="Verify Your Email Address").wait_for()

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[0].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    assert page.get_by_test_id("header-user-name").inner_text() == "Jordan Crosswind"

    page.get_by_role("button", name="Log out").click()
    page.get_by_role("link", name="Log in").first.click()
    page.get_by_label("Email").fill("JORDAN@example.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    assert page.get_by_test_id("header-user-name").inner_text() == "Jordan Crosswind"


def test_guest_theme_choice_applies_and_survives_a_reload(page):
    page.emulate_media(color_scheme="light")
    page.goto("/")
    light_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    toggle = page.get_by_role("button", name="Colour theme: match my device")
    toggle.click()  # -> light
    page.get_by_role("button", name="Colour theme: light").click()  # -> dark
    dark_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert dark_background != light_background

    page.reload()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == dark_background
