"""A small course with two lessons and learners around it, for the reviews tests."""

import pytest

from accounts.factories import UserFactory
from community.reviews import services
from community.reviews.models import Review
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module
from learning.enrollments.factories import enroll


@pytest.fixture
def catalog(db):
    return make_catalog()


@pytest.fixture
def course(catalog):
    course = make_course(catalog, title="Private Pilot Prep")
    module = make_module(course, title="Airspace")
    course.lessons = [
        make_lesson(module, title="Class B", access_level="guest"),
        make_lesson(module, title="Class C"),
    ]
    return course


@pytest.fixture
def enrolled(course, learner):
    return enroll(learner, course)


@pytest.fixture
def moderator(db):
    return UserFactory(first_name="Mo", last_name="Derator", is_staff=True, is_superuser=True)


@pytest.fixture
def auto_approve(db):
    from community.reviews.models import ReviewSettings

    settings = ReviewSettings.load()
    settings.auto_approve = True
    settings.save()
    return settings


def published_review(
    course, rating=4, title="Solid prep", text="It covered the oral well.", **user
):
    """An enrolled learner's review of `course`, approved by a moderator."""
    author = UserFactory(**user)
    enroll(author, course)
    review = services.submit_review(author, course, rating, title, text)
    services.approve([review], moderator=None)
    return Review.objects.get(pk=review.pk)
