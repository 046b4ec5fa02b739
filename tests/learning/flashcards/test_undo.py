"""Undo puts the card back exactly and deletes the log; repeats of a showing count once."""

import datetime

import pytest

from learning.flashcards import services
from learning.flashcards.models import CardState, ReviewLog

from .conftest import NOON


def fields(state):
    return {
        name: getattr(state, name)
        for name in (
            "state",
            "step",
            "stability",
            "difficulty",
            "due",
            "last_review",
            "reps",
            "lapses",
            "buried_until",
            "suspended",
        )
    }


def test_undo_restores_the_exact_prior_state(learner, card):
    services.review_card(learner, card.pk, 3, now=NOON)
    services.review_card(learner, card.pk, 3, now=NOON + datetime.timedelta(minutes=1))
    before = fields(CardState.objects.get(user=learner, card=card))
    services.review_card(learner, card.pk, 1, now=NOON + datetime.timedelta(minutes=11))
    restored = services.undo_last_review(learner, now=NOON + datetime.timedelta(minutes=12))
    assert fields(restored) == before
    assert fields(CardState.objects.get(user=learner, card=card)) == before
    assert ReviewLog.objects.filter(user=learner).count() == 2


def test_undo_walks_back_one_review_at_a_time_then_stops(learner, card):
    new = fields(CardState.objects.get(user=learner, card=card))
    services.review_card(learner, card.pk, 4, now=NOON)
    later = NOON + datetime.timedelta(minutes=5)
    assert fields(services.undo_last_review(learner, now=later)) == new
    assert services.undo_last_review(learner, now=later) is None


def test_undo_ignores_imported_history_and_other_learners(learner, card, other_learner, other_card):
    services.replay_history(learner, card, [(3, NOON - datetime.timedelta(days=3), None)])
    services.review_card(other_learner, other_card.pk, 3, now=NOON)
    assert services.undo_last_review(learner, now=NOON) is None
    assert ReviewLog.objects.count() == 2


def test_same_showing_twice_records_one_review(learner, card):
    first = services.review_card(learner, card.pk, 3, shown_token="abc", now=NOON)
    second = services.review_card(
        learner, card.pk, 4, shown_token="abc", now=NOON + datetime.timedelta(seconds=2)
    )
    assert first[2] is True
    assert second[2] is False
    assert second[1].pk == first[1].pk
    assert ReviewLog.objects.count() == 1
    assert CardState.objects.get(user=learner, card=card).reps == 1


def test_undo_view_without_js(signed_in, learner, card):
    services.review_card(learner, card.pk, 3)
    response = signed_in.post("/flashcards/study/undo/", follow=True)
    assert "Your last rating was undone." in response.content.decode()
    assert not ReviewLog.objects.exists()
    again = signed_in.post("/flashcards/study/undo/", follow=True)
    assert "There is no rating to undo." in again.content.decode()


@pytest.mark.parametrize("deck", ["abc", "9" * 12])
def test_undo_with_a_bad_deck_is_404(signed_in, deck):
    response = signed_in.post("/flashcards/study/undo/", {"deck": deck})
    assert response.status_code == 404
    assert "We could not find that deck in your study." in response.content.decode()
