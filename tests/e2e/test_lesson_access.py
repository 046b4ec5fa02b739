"""Lessons in Chromium: a guest meets the teaser and the sign-up prompt on a premium
lesson, the premium demo user reads it in full, and the course works from the keyboard."""

from django.core.management import call_command

import pytest

from demo.loaders.accounts import demo_password
from learning.courses.models import LessonPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return LessonPage.objects.live().filter(access_level="premium", is_free_preview=False).first()


def test_guest_sees_teaser_and_sign_up_prompt_on_a_premium_lesson(page, demo):
    page.goto(demo.url)
    article = page.get_by_test_id("lesson")
    assert article.get_attribute("data-access") == "teaser"
    assert demo.summary in article.inner_text()
    cta = page.get_by_test_id("tier-cta")
    assert "part of Premium" in cta.inner_text()
    cta.get_by_role("link", name="Sign up free").click()
    page.wait_for_url("**/accounts/signup/**")


def test_premium_member_logs_in_and_reads_the_whole_lesson(page, demo):
    page.goto(demo.url)
    page.get_by_test_id("tier-cta").get_by_role("link", name="Log in").click()
    page.get_by_label("Email").fill("premium@demo.test")
    page.get_by_label("Password").fill(demo_password())
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**{demo.url}")
    assert page.get_by_test_id("lesson").get_attribute("data-access") == "full"
    assert page.locator(".lesson-body").inner_text().strip()
    assert page.get_by_test_id("tier-cta").count() == 0


def test_course_outline_and_lesson_pager_work_from_the_keyboard(page, demo):
    course_url = demo.get_parent().get_parent().url
    page.goto(course_url)
    first_lesson = page.locator(".outline__lessons a").first
    first_lesson.focus()
    title = first_lesson.inner_text()
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name=title).wait_for()

    pager_next = page.locator('.lesson-pager a[rel="next"]')
    next_title = pager_next.inner_text().split("\n")[-1].strip()
    pager_next.focus()
    assert pager_next.evaluate("el => el === document.activeElement")
    outline_ring = pager_next.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline_ring != "none", "focused links show a visible focus ring"
    page.keyboard.press("Enter")
    page.get_by_role("heading", level=1, name=next_title).wait_for()
