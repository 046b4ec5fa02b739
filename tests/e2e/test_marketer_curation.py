"""A marketer features a course in the Wagtail admin and a visitor sees it on the home page."""

from django.core.management import call_command

import pytest

from demo.loaders.accounts import demo_password
from learning.courses.models import CoursePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def card_titles(page):
    return page.locator(".course-card__title").all_inner_texts()


def test_marketer_features_a_course_and_a_visitor_sees_it(page, browser, live_server):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    course = CoursePage.objects.get(slug="weather-briefing-basics")
    page.goto("/")
    assert course.title not in card_titles(page)

    page.goto("/accounts/login/?next=/admin/")
    page.get_by_label("Email").fill("marketer@demo.test")
    page.get_by_label("Password").fill(demo_password())
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
    page.goto(f"/admin/pages/{course.pk}/edit/")
    page.get_by_role("tab", name="Details").click()
    page.get_by_label("Is featured").check()
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(f"**/admin/pages/{course.get_parent().pk}/")

    visitor = browser.new_context(base_url=live_server.url).new_page()
    visitor.goto("/")
    assert course.title in card_titles(visitor)
    visitor.context.close()
