"""A visitor signs up, verifies their email, logs in and sees their name, in Chromium;
one who signs up from a lesson comes back to it, signed in, whichever browser opens the
confirmation link."""

import re

from django.core import mail

import pytest

from learning.courses.factories import make_catalog, make_course, make_lesson, make_module

# serialized_rollback keeps the home page the migrations created across these
# transactional tests (live_server needs real commits).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Downwind-Leg-09"
LESSON_BODY = "Wake turbulence lingers behind heavy aircraft"


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
    page.get_by_label("Password (required)", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("heading", name="Check your email").wait_for()

    assert len(mail.outbox) == 1
    page.goto(confirmation_link())
    page.get_by_role("button", name="Confirm my email address").click()
    page.wait_for_url("**/dashboard/")
    assert page.get_by_test_id("header-user-name").inner_text() == "Jordan Crosswind"

    page.get_by_test_id("header-user-name").click()  # opens the account menu, if folded
    page.get_by_role("button", name="Log out").click()
    page.get_by_role("link", name="Log in").first.click()
    page.get_by_label("Email").fill("JORDAN@example.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/dashboard/")
    assert page.get_by_test_id("header-user-name").inner_text() == "Jordan Crosswind"


def confirmation_link():
    (message,) = mail.outbox
    return re.search(r"https?://\S+/accounts/confirm-email/\S+", message.body).group(0)


@pytest.fixture
def lesson():
    """A lesson open to registered learners, as a guest meets it: a call to action."""
    module = make_module(make_course(make_catalog()), title="Hazards")
    return make_lesson(
        module,
        title="Wake turbulence",
        access_level="registered",
        body=[{"type": "paragraph", "value": f"<p>{LESSON_BODY}.</p>"}],
    )


def sign_up_from_the_lesson(page, lesson):
    page.goto(lesson.url)
    assert LESSON_BODY not in page.content()
    page.get_by_test_id("tier-cta").get_by_role("link", name="Sign up free").click()
    page.get_by_label("Your name").fill("Avery Climbout")
    page.get_by_label("Email").fill("avery@example.test")
    page.get_by_label("Password (required)", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("heading", name="Check your email").wait_for()


def assert_reading_the_lesson(page, lesson):
    page.wait_for_url(f"**{lesson.url}")
    assert page.get_by_test_id("lesson").get_attribute("data-access") == "full"
    assert LESSON_BODY in page.locator(".lesson-body").inner_text()
    assert page.get_by_test_id("tier-cta").count() == 0
    assert page.get_by_test_id("header-user-name").inner_text() == "Avery Climbout"


def test_guest_signs_up_from_a_lesson_and_confirming_returns_them_to_it(page, mailoutbox, lesson):
    sign_up_from_the_lesson(page, lesson)
    page.goto(confirmation_link())
    page.get_by_role("button", name="Confirm my email address").click()
    assert_reading_the_lesson(page, lesson)


def test_confirming_on_another_device_asks_to_log_in_then_opens_the_lesson(
    page, browser, live_server, mailoutbox, lesson
):
    sign_up_from_the_lesson(page, lesson)
    phone = browser.new_context(base_url=live_server.url).new_page()
    try:
        phone.goto(confirmation_link())
        phone.get_by_role("button", name="Confirm my email address").click()
        phone.get_by_role("heading", name="Log in").wait_for()
        phone.get_by_text("avery@example.test is confirmed").wait_for()
        phone.get_by_label("Email").fill("avery@example.test")
        phone.get_by_label("Password").fill(PASSWORD)
        phone.get_by_role("button", name="Log in").click()
        assert_reading_the_lesson(phone, lesson)
    finally:
        phone.context.close()


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


def test_a_guest_signing_up_from_a_premium_lesson_comes_back_to_it_signed_in(page, mailoutbox):
    """Back on the premium lesson, now as a registered learner: the call to action
    speaks of Premium only, no longer of signing up."""
    module = make_module(make_course(make_catalog()), title="Systems")
    premium = make_lesson(
        module,
        title="Vacuum system failures",
        access_level="premium",
        body=[{"type": "paragraph", "value": f"<p>{LESSON_BODY}.</p>"}],
    )
    sign_up_from_the_lesson(page, premium)
    page.goto(confirmation_link())
    page.get_by_role("button", name="Confirm my email address").click()
    page.wait_for_url(f"**{premium.url}")
    assert page.get_by_test_id("header-user-name").inner_text() == "Avery Climbout"
    cta = page.get_by_test_id("tier-cta")
    assert cta.get_by_role("link", name="See Premium membership").count() == 1
    assert cta.get_by_role("link", name="Sign up free").count() == 0
    assert LESSON_BODY not in page.content()
