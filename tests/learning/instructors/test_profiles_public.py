"""The public instructor page and the course page's link to it."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from learning.courses.models import CourseInstructor
from learning.instructors.factories import instructor
from learning.instructors.models import InstructorProfile


@pytest.fixture
def ida(team):
    return InstructorProfile.objects.create(
        user=team.lead,
        display_name="Ida Instructor",
        slug="ida",
        title="Gold Seal CFI",
        organization="Boeing Field Flyers",
        bio="Line one <script>alert(1)</script>\nLine two",
        certificates_held=["CFI", "CFII"],
        years_experience=12,
        cfi_certificate_number="3456789CFI",
    )


def test_public_page_shows_profile_and_live_courses_never_the_number(client, team, ida):
    response = client.get("/instructors/ida/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ida Instructor" in page
    assert "Gold Seal CFI" in page
    assert "Boeing Field Flyers" in page
    assert "CFII (instrument instructor)" in page
    assert "12 years" in page
    assert team.course.url in page
    assert "Private Pilot Checkride" in page
    assert "Instrument Rating" not in page  # not credited there
    assert "3456789CFI" not in page
    assert team.lead.email not in page
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    assert "Line one" in page
    assert "<br>Line two" in page
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize(
    "hide",
    [
        lambda team, ida: InstructorProfile.objects.filter(pk=ida.pk).update(public_profile=False),
        lambda team, ida: type(team.lead).objects.filter(pk=team.lead.pk).update(is_active=False),
        lambda team, ida: CourseInstructor.objects.filter(user=team.lead).update(is_active=False),
        lambda team, ida: team.course.unpublish(),
    ],
    ids=["private", "inactive-user", "inactive-credit", "course-unpublished"],
)
def test_public_page_is_404_when_it_has_nothing_true_to_say(client, team, ida, hide):
    hide(team, ida)
    assert client.get("/instructors/ida/").status_code == 404


def test_unknown_slug_is_404(client, db):
    assert client.get("/instructors/nobody/").status_code == 404


def course_page(client, course):
    cache.clear()  # guests' pages are cached: render afresh
    with CaptureQueriesContext(connection) as queries:
        response = client.get(course.url)
    assert response.status_code == 200
    return response.content.decode(), len(queries.captured_queries)


def test_course_page_links_instructors_with_a_public_page(client, team, ida):
    page, _ = course_page(client, team.course)
    assert 'href="/instructors/ida/"' in page
    InstructorProfile.objects.filter(pk=ida.pk).update(public_profile=False)
    page, _ = course_page(client, team.course)
    assert "/instructors/ida/" not in page


def test_course_page_queries_do_not_grow_with_instructors(client, team, ida):
    course_page(client, team.course)  # the first render creates the site's settings rows
    _, few = course_page(client, team.course)
    for n in range(8):
        person = instructor(team.course, CourseInstructor.Role.CO_INSTRUCTOR)
        InstructorProfile.objects.create(user=person, display_name=f"Co {n}", slug=f"co-{n}")
    page, many = course_page(client, team.course)
    assert page.count('href="/instructors/co-') == 8
    assert many == few
