"""The reviews section on course pages and the rating on catalog cards."""

import re

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

import pytest

from accounts.factories import UserFactory
from community.reviews import services
from learning.courses.factories import make_course
from learning.enrollments.factories import complete, enroll

from .conftest import published_review

SECTION = Template("{% load reviews_tags %}{% course_reviews course %}")
CARD = Template("{% load reviews_tags %}{% rating_summary course %}")


def request_for(course, user=None):
    request = RequestFactory().get(f"/courses/{course.slug}/")
    request.user = user or AnonymousUser()
    return request


def render_section(course, user=None, request=None):
    request = request or request_for(course, user)
    return SECTION.render(Context({"request": request, "course": course}))


def section_queries(course, user=None):
    request = request_for(course, user)
    with CaptureQueriesContext(connection) as queries:
        html = render_section(course, request=request)
    return len(queries), html


def test_no_reviews_yet(course):
    html = render_section(course)
    assert "No reviews yet" in html
    assert "Log in</a> and enroll to review this course." in html


def test_summary_latest_reviews_and_badges(course, commit):
    with commit():
        published_review(course, rating=5, title="Best prep", first_name="Ann", last_name="Air")
        published_review(course, rating=4, title="Very good")
    review = published_review(course, rating=1, title="Pending soon")
    services.reject([review], moderator=None)
    html = render_section(course)
    assert "4.5 out of 5</strong>, 2 reviews" in html
    assert "Best prep" in html
    assert "Ann Air" in html
    assert "Pending soon" not in html
    assert "Rated 5 out of 5" in html
    assert "See all 2 reviews" in html


def test_verified_badge_and_line_breaks(course):
    author = UserFactory()
    enroll(author, course)
    complete(author, course.lessons[:1])
    review = services.submit_review(author, course, 5, "Great", "First line.\nSecond line.")
    services.approve([review], moderator=None)
    html = render_section(course)
    assert "Verified learner" in html
    assert "First line.<br>Second line." in html


def test_only_the_latest_five_are_shown(course):
    for n in range(7):
        published_review(course, title=f"Review number {n}")
    html = render_section(course)
    assert "Review number 6" in html
    assert "Review number 2" in html
    assert "Review number 1" not in html


def test_viewer_sees_their_own_review_and_its_status(course, learner, enrolled):
    assert "Write a review" in render_section(course, learner)
    review = services.submit_review(learner, course, 3, "My take", "It was fine for me.")
    html = render_section(course, learner)
    assert "Awaiting moderation" in html
    assert "My take" in html
    assert "Edit your review" in html
    services.reject([review], moderator=None)
    assert "Not published" in render_section(course, learner)
    services.approve([review], moderator=None)
    assert "Published" in render_section(course, learner)


def test_signed_in_learner_not_enrolled_is_asked_to_enroll(course, other_learner):
    html = render_section(course, other_learner)
    assert "Enroll to review this course." in html
    assert "Post review" not in html


def test_helpful_button_for_signed_in_non_authors_only(course, other_learner):
    review = published_review(course)
    services.vote_helpful(other_learner, review.pk)
    assert 'name="helpful"' not in render_section(course)
    assert 'name="helpful"' not in render_section(course, review.user)
    voter_html = render_section(course, other_learner)
    assert 'aria-pressed="true"' in voter_html
    assert "1 learner found this helpful" in voter_html


def add_reviews(course, count, voter):
    for n in range(count):
        review = published_review(course, title=f"Review {n}")
        services.vote_helpful(voter, review.pk)


@pytest.mark.parametrize("signed_in", [False, True])
def test_section_query_count_does_not_grow_with_reviews(catalog, signed_in, commit):
    voter = UserFactory()
    few, many = make_course(catalog, title="Few"), make_course(catalog, title="Many")
    enroll(voter, few)
    enroll(voter, many)
    with commit():
        add_reviews(few, 2, voter)
        add_reviews(many, 20, voter)
    viewer = voter if signed_in else None
    few_count, few_html = section_queries(few, viewer)
    many_count, many_html = section_queries(many, viewer)
    assert few_count == many_count == (5 if signed_in else 2)
    assert "20 reviews" in many_html
    assert few_html.count("review__title") == 2
    assert many_html.count("review__title") == 5


def test_card_rating_summary(course, commit):
    assert "No ratings yet" in CARD.render(Context({"course": course}))
    with commit():
        published_review(course, rating=5)
        published_review(course, rating=4)
    course.refresh_from_db()
    html = CARD.render(Context({"course": course}))
    assert re.search(r'class="rating-summary__star">.*?</svg> 4\.5 \(2\)', html, re.S)
    assert "★" not in html  # an icon, not a glyph some machines cannot draw
    assert "Rated 4.5 out of 5 from 2 reviews" in html
