"""Only administrators credit instructors on a course: credit opens the course's learner
records, so an instructor who may publish a course must not credit themselves."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from accounts.factories import UserFactory
from learning.courses.factories import make_catalog, make_course
from learning.courses.models import CourseInstructor
from learning.courses.teaching import taught_courses
from tests.learning.orals.conftest import make_instructor

pytestmark = pytest.mark.django_db


def edit_form(instructors):
    return nested_form_data(
        {
            "title": "Commercial Pilot Oral Prep",
            "slug": "commercial-oral",
            "summary": "The commercial oral, area by area.",
            "description": rich_text("<p>For commercial applicants.</p>"),
            "level": "advanced",
            "price": "99.00",
            "requirements": streamfield([]),
            "skills": streamfield([]),
            "learning_objectives": streamfield([]),
            "instructors": inline_formset(instructors),
            "action-publish": "publish",
        }
    )


@pytest.fixture
def course():
    return make_course(make_catalog(publish=True), publish=True, slug="commercial-oral")


def test_an_instructor_cannot_credit_themselves_on_a_course_they_may_publish(client, course):
    instructor = make_instructor(catalog=course.get_parent())
    client.force_login(instructor)
    url = reverse("wagtailadmin_pages:edit", args=[course.pk])
    assert client.get(url).status_code == 200  # they may edit the course itself

    response = client.post(url, edit_form([{"user": instructor.pk}]))

    assert response.status_code == 200  # the form again, with the reason
    assert "Only an administrator can change who teaches this course" in (response.content.decode())
    assert not CourseInstructor.objects.filter(page=course).exists()
    assert not taught_courses(instructor).filter(pk=course.pk).exists()


def test_an_instructor_still_saves_a_course_without_touching_its_credits(client, course):
    instructor = make_instructor(catalog=course.get_parent())
    client.force_login(instructor)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[course.pk]), edit_form([]))
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.summary == "The commercial oral, area by area."


def test_an_administrator_credits_an_instructor(client, course):
    instructor = make_instructor(catalog=course.get_parent())
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[course.pk]),
        edit_form([{"user": instructor.pk}]),
    )
    assert response.status_code == 302
    assert CourseInstructor.objects.filter(page=course, user=instructor).exists()
    assert taught_courses(instructor).filter(pk=course.pk).exists()
