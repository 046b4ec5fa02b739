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


def test_parallel_starts_and_stops_of_one_deck_all_answer_and_leave_one_row_at_most(
    learner, other_learner
):
    """The review saw one 500 in 20 when "Study this deck" and "Stop studying" raced."""
    from learning.flashcards.library.services import add_to_study, remove_from_study
    from learning.flashcards.models import DeckStudy

    from .conftest import make_deck

    deck = make_deck(other_learner, cards=5, is_public=True)

    def toggle(number):
        actions = [add_to_study, remove_from_study] * 8
        return {action(learner, deck.pk).pk for action in actions[number % 2 :][:15]}

    assert in_parallel(20, toggle) == [{deck.pk}] * 20
    assert DeckStudy.objects.filter(user=learner, deck=deck).count() <= 1
    add_to_study(learner, deck.pk)
    assert CardState.objects.filter(user=learner, card__deck=deck).count() == 5
