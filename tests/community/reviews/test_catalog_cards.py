"""Catalog cards show each course's rating at no extra cost; "Most popular" counts learners."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from accounts.factories import UserFactory
from learning.courses.factories import make_course
from learning.enrollments.factories import enroll
from learning.enrollments.services import leave

from .conftest import published_review


def catalog_queries(client, url, **params):
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response


def test_cards_show_the_rating_without_extra_queries(client, catalog, commit):
    rated, unrated = make_course(catalog, title="Rated"), make_course(catalog, title="Unrated")
    before, _ = catalog_queries(client, catalog.url)
    with commit():
        published_review(rated, rating=5)
        published_review(rated, rating=4)
    for n in range(3):
        with commit():
            published_review(make_course(catalog, title=f"Extra {n}"), rating=3)
    after, response = catalog_queries(client, catalog.url)
    html = response.content.decode()
    assert after == before
    assert re.search(r'class="rating-summary__star">.*?</svg> 4\.5 \(2\)', html, re.S)
    assert "★" not in html  # an icon, not a glyph some machines cannot draw
    assert "Rated 4.5 out of 5 from 2 reviews" in html
    assert "No ratings yet" in html  # the unrated course
    assert unrated.title in html


@pytest.mark.django_db
def test_most_popular_orders_by_current_enrollments(client, catalog):
    quiet = make_course(catalog, title="Quiet course")
    busy = make_course(catalog, title="Busy course")
    deserted = make_course(catalog, title="Deserted course")
    for _ in range(2):
        enroll(UserFactory(), busy)
    enroll(UserFactory(), quiet)
    for _ in range(3):  # three learners who left count for nothing
        learner = UserFactory()
        enroll(learner, deserted)
        leave(learner, deserted)
    response = client.get(catalog.url, {"sort": "popular"})
    titles = [course.title for course in response.context["courses"]]
    assert titles == ["Busy course", "Quiet course", "Deserted course"]
