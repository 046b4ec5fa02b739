"""A learner's whole journey in Chromium: enroll in the free demo course, complete its
lessons and watch progress grow, then download the certificate and open its public
verification page."""

import re

from django.core.management import call_command

import pytest

from accounts.factories import TEST_PASSWORD, UserFactory
from learning.courses.models import CoursePage
from learning.courses.outline import course_outline

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def weather_course():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return CoursePage.objects.get(slug="weather-briefing-basics")


def log_in(page, email):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def test_learner_enrolls_completes_the_course_and_verifies_the_certificate(
    page, weather_course, tmp_path
):
    UserFactory(email="ria@example.test", first_name="Ria", last_name="Rudder")
    lessons = course_outline(weather_course).lessons
    log_in(page, "ria@example.test")

    page.goto(weather_course.url)
    panel = page.get_by_test_id("enrollment-panel")
    panel.get_by_role("button", name=re.compile("Enroll")).click()
    progress = page.get_by_test_id("enrollment-panel").get_by_test_id("progress-text")
    assert progress.inner_text().startswith("0% complete")

    for done, lesson in enumerate(lessons, start=1):
        page.goto(lesson.url)
        completion = page.get_by_test_id("lesson-completion")
        completion.get_by_role("button").first.click()
        completion = page.get_by_test_id("lesson-completion")
        completion.get_by_text("You completed this lesson").wait_for()
        page.goto(weather_course.url)
        expected = f"{100 * done // len(lessons)}% complete"
        text = page.get_by_test_id("enrollment-panel").get_by_test_id("progress-text").inner_text()
        assert text.startswith(expected), f"after lesson {done}: {text}"

    page.goto("/dashboard/")
    certificate = page.get_by_test_id("certificate")
    assert "Weather Briefing Basics" in certificate.inner_text()
    with page.expect_download() as download_info:
        certificate.get_by_role("link", name="Download PDF").click()
    saved = tmp_path / "certificate.pdf"
    download_info.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")

    certificate.get_by_role("link", name="Verification page").click()
    page.wait_for_url("**/certificates/verify/**")
    body = page.locator("main").inner_text()
    assert "Ria Rudder" in body
    assert "Weather Briefing Basics" in body
    assert "Valid" in body
