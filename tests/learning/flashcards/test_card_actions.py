"""Suspend, bury and reset from the study screen, and their IDOR and bad-input answers."""

import datetime

import pytest

from learning.flashcards import services
from learning.flashcards.models import CardState, CardStateKind, ReviewLog
from learning.flashcards.queue import todays_queue

from .conftest import NOON

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch", "HTTP_ACCEPT": "application/json"}


def url(card_id, action):
    return f"/flashcards/study/cards/{card_id}/{action}/"


def test_suspend_and_unsuspend(signed_in, learner, card):
    response = signed_in.post(url(card.pk, "suspend"))
    assert response.status_code == 302
    assert CardState.objects.get(user=learner, card=card).suspended
    assert todays_queue(learner).new_left == 4
    with pytest.raises(services.FlashcardError) as refused:
        services.review_card(learner, card.pk, 3)
    assert refused.value.status == 404
    signed_in.post(url(card.pk, "unsuspend"))
    assert todays_queue(learner).new_left == 5


def test_bury_hides_the_card_until_the_next_study_day(signed_in, learner, card):
    data = signed_in.post(url(card.pk, "bury"), **FETCH).json()
    assert data["message"] == "Card buried until tomorrow."
    assert "Front 1" in data["html"]
    state = CardState.objects.get(user=learner, card=card)
    assert state.buried_until is not None
    assert todays_queue(learner).new_left == 4


def test_bury_uses_the_learners_day(learner, card):
    learner.preferences.timezone = "Pacific/Auckland"
    learner.preferences.save()
    # 17:00 UTC on 15 June is 05:00 on the 16th in Auckland: buried until the 17th.
    moment = datetime.datetime(2026, 6, 15, 17, tzinfo=datetime.UTC)
    state = services.bury(learner, card.pk, now=moment)
    assert state.buried_until == datetime.date(2026, 6, 17)


def test_reset_asks_first_without_js_then_forgets_the_card(signed_in, learner, card):
    services.review_card(learner, card.pk, 4, now=NOON)
    ask = signed_in.post(url(card.pk, "reset"))
    assert ask.status_code == 200
    assert "Reset this card?" in ask.content.decode()
    assert CardState.objects.get(user=learner, card=card).state == CardStateKind.REVIEW
    signed_in.post(url(card.pk, "reset"), {"confirm": "yes"})
    state = CardState.objects.get(user=learner, card=card)
    assert (state.state, state.reps, state.stability, state.last_review) == (0, 0, None, None)
    assert ReviewLog.objects.filter(user=learner).count() == 1


@pytest.mark.parametrize("action", ["suspend", "unsuspend", "bury", "reset"])
def test_other_learners_cards_are_404(signed_in, other_learner, other_card, action):
    response = signed_in.post(url(other_card.pk, action), {"confirm": "yes"})
    assert response.status_code == 404
    state = CardState.objects.get(user=other_learner, card=other_card)
    assert (state.suspended, state.buried_until) == (False, None)


def test_unknown_actions_and_decks_are_404_and_change_nothing(signed_in, learner, card):
    for response in (
        signed_in.post(url(card.pk, "delete")),
        signed_in.post(url(card.pk, "bury"), {"deck": "x"}),
    ):
        assert response.status_code == 404
        assert "We could not find that deck in your study." in response.content.decode()
    assert not CardState.objects.filter(user=learner, card=card, buried_until__isnull=False)
    card.refresh_from_db()  # "delete" is no card action: the card is still there


def test_actions_need_post(signed_in, card):
    refused = signed_in.get(url(card.pk, "bury"))
    assert (refused.status_code, refused["Allow"]) == (405, "POST")
    assert not CardState.objects.filter(card=card, buried_until__isnull=False).exists()
