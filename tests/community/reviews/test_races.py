"""Parallel requests: a learner hammering "Helpful" still counts once (PostgreSQL only:
SQLite serialises every write, so it cannot show a race)."""

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

from django.db import connection, connections

import pytest

from accounts.factories import UserFactory
from community.reviews import services
from community.reviews.models import HelpfulVote, Review

from .conftest import published_review

PARALLEL = 10

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_site"),
]


def test_parallel_helpful_votes_by_one_learner_count_once(course):
    review = published_review(course)
    voter = UserFactory()
    start = Barrier(PARALLEL)

    def vote(_):
        try:
            start.wait()
            services.vote_helpful(voter, review.pk)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(PARALLEL) as pool:
        list(pool.map(vote, range(PARALLEL)))

    assert HelpfulVote.objects.filter(review=review, user=voter).count() == 1
    assert Review.objects.get(pk=review.pk).helpful_count == 1


def test_parallel_votes_by_different_learners_all_count(course):
    review = published_review(course)
    voters = [UserFactory() for _ in range(PARALLEL)]
    start = Barrier(PARALLEL)

    def vote(voter):
        try:
            start.wait()
            services.vote_helpful(voter, review.pk)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(PARALLEL) as pool:
        list(pool.map(vote, voters))

    assert Review.objects.get(pk=review.pk).helpful_count == PARALLEL
