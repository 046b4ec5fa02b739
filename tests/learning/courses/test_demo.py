"""The demo catalog: what a first-time visitor and a demo instructor find after `make run`."""

import pytest

from accounts.models import User
from learning.courses.models import CoursePage, LessonPage, ModulePage
from learning.courses.outline import course_outline

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_content):
    """The demo, loaded once for this module (demo_content in tests/conftest.py)."""


def test_demo_catalog_mixes_every_access_level_and_has_a_free_course(client, demo):
    html = client.get("/courses/").content.decode()
    assert "Private Pilot Checkride Prep" in html
    assert "Weather Briefing Basics" in html
    prep = CoursePage.objects.get(slug="private-pilot-checkride-prep")
    assert ModulePage.objects.child_of(prep).live().count() >= 3
    lessons = LessonPage.objects.descendant_of(prep).live()
    assert lessons.filter(is_free_preview=True).exists()
    assert lessons.filter(access_level="registered", is_free_preview=False).exists()
    assert lessons.filter(access_level="premium", is_free_preview=False).exists()
    assert any(block.block_type == "gated_section" for lesson in lessons for block in lesson.body)
    free = CoursePage.objects.get(slug="weather-briefing-basics")
    assert free.is_free
    assert set(LessonPage.objects.descendant_of(free).values_list("access_level", flat=True)) == {
        "guest"
    }


def test_demo_course_totals_match_its_lessons(demo):
    for course in CoursePage.objects.live():
        outline = course_outline(course)
        assert (course.lesson_count, course.duration_minutes) == (
            outline.lesson_count,
            outline.duration_minutes,
        )
        assert course.lesson_count > 0


def test_every_demo_page_renders_for_guests(client, demo):
    for page in [
        *CoursePage.objects.live(),
        *ModulePage.objects.live(),
        *LessonPage.objects.live(),
    ]:
        assert client.get(page.url).status_code == 200, page.url
    assert client.get("/premium/").status_code == 200


def test_demo_instructor_can_add_lessons_but_not_touch_other_pages(client, demo):
    client.force_login(User.objects.get(email="instructor@demo.test"))
    module = ModulePage.objects.live().first()
    add_lesson = f"/admin/pages/add/courses/lessonpage/{module.pk}/"
    assert client.get(add_lesson).status_code == 200
    home = module.get_parent().get_parent().get_parent().get_parent()
    response = client.get(f"/admin/pages/add/pages/standardpage/{home.pk}/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    dashboard = client.get(response["Location"]).content.decode()
    assert "Sorry, you do not have permission to access this area." in dashboard
