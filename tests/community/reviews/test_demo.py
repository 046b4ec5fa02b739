"""The demo's reviews: published, by enrolled learners, and loaded once however often."""

from io import StringIO

from django.contrib.auth.models import Group

import pytest

from community.reviews.models import CourseRating, Review
from demo.loaders import accounts as accounts_demo
from demo.loaders import courses as courses_demo
from demo.loaders import reviews as demo
from learning.enrollments.services import current_enrollment

pytestmark = pytest.mark.django_db


def test_demo_reviews_load_once_and_count_in_the_rating():
    accounts_demo.load(StringIO())
    courses_demo.load(StringIO())
    demo.load(StringIO())
    course = demo.demo_course()
    reviews = list(Review.objects.filter(course=course))
    assert len(reviews) == len(demo.DEMO_REVIEWS)
    assert all(review.is_approved and review.is_verified_learner for review in reviews)
    assert all(current_enrollment(review.user, course.pk) for review in reviews)
    rating = CourseRating.objects.get(course=course)
    assert (float(rating.average), rating.count) == (4.5, 4)

    demo.load(StringIO())
    assert Review.objects.count() == len(demo.DEMO_REVIEWS)
    group = Group.objects.get(name=demo.MODERATORS_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "view_review", "change_review"} <= codenames


def test_demo_without_the_course_skips_reviews():
    out = StringIO()
    demo.load(out)
    assert "skipped reviews" in out.getvalue()
    assert Group.objects.filter(name=demo.MODERATORS_GROUP).exists()
