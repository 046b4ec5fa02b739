"""The permission matrix every instructor page is tried with: one course's lead, a
co-instructor without the analytics right, an assistant, another course's lead, a
learner enrolled in the course, and a superuser."""

from types import SimpleNamespace

import pytest

from accounts.factories import UserFactory
from learning.courses.factories import build_course, make_catalog
from learning.courses.models import CourseInstructor
from learning.enrollments.factories import enroll
from learning.instructors.factories import instructor

Role = CourseInstructor.Role


@pytest.fixture
def team(db):
    """SimpleNamespace(course, other_course, lead, co, assistant, outsider, learner, admin)."""
    catalog = make_catalog()
    course = build_course(catalog, title="Private Pilot Checkride")
    other_course = build_course(catalog, title="Instrument Rating", slug="instrument")
    learner = UserFactory(first_name="Lee", last_name="Learner")
    enroll(learner, course)
    return SimpleNamespace(
        course=course,
        other_course=other_course,
        lead=instructor(course, Role.LEAD),
        co=instructor(course, Role.CO_INSTRUCTOR, can_view_analytics=False),
        assistant=instructor(course, Role.ASSISTANT),
        outsider=instructor(other_course, Role.LEAD),
        learner=learner,
        admin=UserFactory(is_staff=True, is_superuser=True),
    )
