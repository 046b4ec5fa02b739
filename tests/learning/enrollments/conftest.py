"""A small course (2 modules x 3 lessons, one premium, one quiz) and three learners."""

import pytest

from accounts.factories import SubscriptionFactory
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module
from learning.courses.services import refresh_course_totals
from learning.enrollments.factories import enroll


@pytest.fixture
def course(db):
    catalog = make_catalog()
    course = make_course(catalog, title="Private Pilot Prep", has_certificate=True)
    first = make_module(course, title="Airspace")
    second = make_module(course, title="Weather")
    lessons = [
        make_lesson(first, title="Class B", access_level="guest", lesson_type="reading"),
        make_lesson(first, title="Class C", lesson_type="video"),
        make_lesson(first, title="Class D", lesson_type="reading"),
        make_lesson(second, title="METARs", lesson_type="reading"),
        make_lesson(second, title="TAFs", access_level="premium", lesson_type="reading"),
        make_lesson(second, title="Weather quiz", lesson_type="quiz"),
    ]
    refresh_course_totals(course.pk)
    course.refresh_from_db()
    course.lessons = lessons
    return course


@pytest.fixture
def premium_learner(db):
    return SubscriptionFactory(user__first_name="Pat", user__last_name="Premium").user


@pytest.fixture
def enrolled(course, learner):
    return enroll(learner, course)
