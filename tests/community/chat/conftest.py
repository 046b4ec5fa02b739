"""Shared chat fixtures: a course with its instructor, an enrolled learner, and their
direct conversation."""

import pytest

from accounts.factories import UserFactory
from community.chat import factories


@pytest.fixture
def course_and_instructor(db):
    return factories.course_with_instructor()


@pytest.fixture
def course(course_and_instructor):
    return course_and_instructor[0]


@pytest.fixture
def instructor(course_and_instructor):
    return course_and_instructor[1]


@pytest.fixture
def student(course):
    """A learner enrolled in `course`."""
    return factories.learner_in(course)


@pytest.fixture
def stranger(db):
    """A signed-up learner with no course in common with anyone here."""
    return UserFactory(first_name="Stan", last_name="Stranger")


@pytest.fixture
def conversation(student, instructor):
    return factories.direct_conversation(student, instructor, topic="Class B airspace")


@pytest.fixture
def chat_media(settings, tmp_path):
    """Uploads go to a fresh directory, so a test can see exactly what was stored."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path
