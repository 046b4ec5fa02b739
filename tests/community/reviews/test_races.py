"""Parallel requests: a learner hammering "Helpful" still counts once (PostgreSQL only:
SQLite serialises every write, so it cannot show a race)."""

import time
from threading import Event

from django.db import transaction

from accounts.factories import UserFactory
from community.reviews import services
from community.reviews.models import HelpfulVote, Review
from tests.races import POSTGRES_RACES, in_parallel

from .conftest import published_review

PARALLEL = 10

pytestmark = POSTGRES_RACES


def test_parallel_helpful_votes_by_one_learner_count_once(course):
    review = published_review(course)
    voter = UserFactory()
    in_parallel(PARALLEL, lambda _: services.vote_helpful(voter, review.pk))

    assert HelpfulVote.objects.filter(review=review, user=voter).count() == 1
    assert Review.objects.get(pk=review.pk).helpful_count == 1


def test_parallel_votes_by_different_learners_all_count(course):
    review = published_review(course)
    voters = [UserFactory() for _ in range(PARALLEL)]
    in_parallel(PARALLEL, lambda n: services.vote_helpful(voters[n], review.pk))

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
        with transaction.atomic():
            services.vote_helpful(staying, review.pk)
            voted.set()
            release.wait(10)

    def delete_account():
        voted.wait(10)
        leaving.delete()

    def release_the_vote():
        voted.wait(10)
        time.sleep(1)  # the deletion commits; its recount now reads or waits for the lock
        release.set()

    steps = (vote_and_hold, delete_account, release_the_vote)
    in_parallel(len(steps), lambda n: steps[n]())

    assert HelpfulVote.objects.filter(review=review).count() == 1
    assert Review.objects.get(pk=review.pk).helpful_count == 1
