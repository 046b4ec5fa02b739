"""Parallel requests: a learner hammering "Helpful" still counts once (PostgreSQL only:
SQLite serialises every write, so it cannot show a race)."""

import time
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier, Event

from django.db import connection, connections, transaction

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


def test_a_recount_after_an_account_deletion_keeps_a_parallel_vote(course):
    """A deleted account takes its votes, and the count is redone after commit. That
    recount once read the votes without the review's lock: a vote still being saved was
    missed, and the stale count was written over the vote's own, so the count drifted
    from the vote rows for good."""
    review = published_review(course)
    leaving, staying = UserFactory(), UserFactory()
    services.vote_helpful(leaving, review.pk)
    voted, release = Event(), Event()

    def vote_and_hold():
        try:
            with transaction.atomic():
                services.vote_helpful(staying, review.pk)
                voted.set()
                release.wait(10)
        finally:
            connections.close_all()

    def delete_account():
        try:
            voted.wait(10)
            leaving.delete()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(2) as pool:
        holder, deleter = pool.submit(vote_and_hold), pool.submit(delete_account)
        voted.wait(10)
        time.sleep(1)  # the deletion commits; its recount now reads or waits for the lock
        release.set()
        holder.result()
        deleter.result()

    assert HelpfulVote.objects.filter(review=review).count() == 1
    assert Review.objects.get(pk=review.pk).helpful_count == 1
