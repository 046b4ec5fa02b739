"""Races on PostgreSQL: parallel submits of one showing record one review, and parallel
reviews of one card with different showings are applied one after the other."""

from learning.flashcards import services
from learning.flashcards.models import CardState, ReviewLog
from tests.races import POSTGRES_RACES, in_parallel

pytestmark = POSTGRES_RACES


def test_eight_parallel_submits_of_one_showing_record_one_review(learner, card):
    results = in_parallel(
        8, lambda _: services.review_card(learner, card.pk, 3, shown_token="same")[2]
    )
    assert results.count(True) == 1
    assert ReviewLog.objects.filter(user=learner, card=card).count() == 1
    assert CardState.objects.get(user=learner, card=card).reps == 1


def test_parallel_reviews_of_different_showings_all_count(learner, card):
    in_parallel(4, lambda n: services.review_card(learner, card.pk, 3, shown_token=f"t{n}"))
    assert ReviewLog.objects.filter(user=learner, card=card).count() == 4
    assert CardState.objects.get(user=learner, card=card).reps == 4
