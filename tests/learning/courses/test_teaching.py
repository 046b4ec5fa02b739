"""Who teaches which course: credited on it, not merely able to edit its page."""

from django.contrib.auth.models import AnonymousUser, Group

import pytest

from accounts.factories import UserFactory
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module
from learning.courses.models import CourseInstructor
from learning.courses.permissions import grant_course_editing
from learning.courses.teaching import limit_to_taught, taught_courses, taught_lessons
from learning.enrollments.models import Enrollment

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses(db):
    catalog = make_catalog()
    taught, other = make_course(catalog, title="Taught"), make_course(catalog, title="Other")
    for course in (taught, other):
        make_lesson(make_module(course), title=f"{course.title} lesson")
    return taught, other


def editor_of_every_course(courses):
    """Like the demo's Instructors: page rights on the whole catalog."""
    group = Group.objects.create(name="Course editors")
    grant_course_editing(group, courses[0].get_parent())
    user = UserFactory()
    user.groups.add(group)
    return user


def test_a_credited_instructor_teaches_that_course_only(courses):
    taught = courses[0]
    instructor = editor_of_every_course(courses)
    assert list(taught_courses(instructor)) == []
    assert list(taught_lessons(instructor)) == []
    CourseInstructor.objects.create(page=taught, user=instructor)
    assert list(taught_courses(instructor)) == [taught]
    assert [lesson.title for lesson in taught_lessons(instructor)] == ["Taught lesson"]


def test_superusers_teach_everything_and_nobody_else_anything(courses, learner):
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert set(taught_courses(admin)) == set(courses)
    assert taught_lessons(admin).count() == 2
    inactive = UserFactory(is_active=False)
    CourseInstructor.objects.create(page=courses[0], user=inactive)
    for user in (AnonymousUser(), None, inactive, learner):
        assert list(taught_courses(user)) == []


def test_limit_to_taught_narrows_rows_by_their_course(courses, learner, other_learner):
    taught, other = courses
    Enrollment.objects.create(user=learner, course=taught)
    Enrollment.objects.create(user=other_learner, course=other)
    instructor = UserFactory()
    CourseInstructor.objects.create(page=taught, user=instructor)
    rows = limit_to_taught(instructor, Enrollment.objects.all(), course="course")
    assert [row.user for row in rows] == [learner]
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert limit_to_taught(admin, Enrollment.objects.all(), course="course").count() == 2
