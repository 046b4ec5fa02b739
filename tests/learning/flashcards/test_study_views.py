"""The study screen with plain requests and with the script's JSON flow."""

import re

from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from learning.flashcards import services
from learning.flashcards.models import CardState, CardStateKind, ReviewLog

from .conftest import make_deck

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch", "HTTP_ACCEPT": "application/json"}
STUDY = "/flashcards/study/"


def hidden(html, name):
    return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)


def test_front_hides_the_answer_until_revealed(signed_in, deck):
    response = signed_in.get(STUDY)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Front 0" in html
    assert "Back 0" not in html
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    card, token = hidden(html, "card"), hidden(html, "token")
    revealed = signed_in.get(STUDY, {"card": card, "token": token, "reveal": 1}).content.decode()
    assert "Back 0" in revealed
    assert hidden(revealed, "token") == token
    assert ">1m<" in revealed.replace('<span class="visually-hidden">, next in </span>', "")


def test_rating_without_js_records_once_and_redirects_to_the_next_card(signed_in, learner, deck):
    html = signed_in.get(STUDY).content.decode()
    form = {"card": hidden(html, "card"), "token": hidden(html, "token"), "rating": "4"}
    response = signed_in.post(reverse("flashcards_review"), form)
    assert response.status_code == 302
    assert response["Location"] == STUDY
    signed_in.post(reverse("flashcards_review"), form)
    assert ReviewLog.objects.filter(user=learner).count() == 1
    assert ReviewLog.objects.get().duration_ms is not None
    assert "Front 1" in signed_in.get(response["Location"]).content.decode()


def test_json_flow_returns_the_next_front_and_its_answer(signed_in, learner, deck):
    first = signed_in.get(STUDY, **FETCH).json()["html"]
    form = {
        "card": hidden(first, "card"),
        "token": hidden(first, "token"),
        "rating": "3",
        "deck": deck.pk,
        "duration_ms": "2500",
    }
    data = signed_in.post(reverse("flashcards_review"), form, **FETCH).json()
    assert data["message"] == "Rated Good."
    assert "Front 1" in data["html"]
    assert "Back 1" not in data["html"]
    assert "Back 1" in data["revealed"]
    assert ReviewLog.objects.get(user=learner).duration_ms == 2500
    undone = signed_in.post(reverse("flashcards_undo"), {"deck": deck.pk}, **FETCH).json()
    assert undone["message"] == "Your last rating was undone."
    assert "Front 0" in undone["html"]
    assert not ReviewLog.objects.exists()


def test_empty_queue_shows_the_summary(signed_in, learner):
    deck = make_deck(learner, cards=1)
    card = deck.cards.get()
    services.review_card(learner, card.pk, 4)
    html = signed_in.get(STUDY).content.decode()
    assert "Nothing else is due right now" in html or "nothing else is due" in html
    assert "Cards reviewed today" in html


@pytest.mark.parametrize(
    "form",
    [
        {"rating": "5"},
        {"rating": "x"},
        {"rating": ""},
        {"rating": "3\x00"},
        {"token": "a" * 65, "rating": "3"},
    ],
)
def test_bad_ratings_are_400(signed_in, card, form):
    response = signed_in.post(reverse("flashcards_review"), {"card": card.pk, **form})
    assert response.status_code == 400
    assert not ReviewLog.objects.exists()


@pytest.mark.parametrize("duration", ["²", "-5", "9" * 40, "1e9", "\x00"])
def test_odd_durations_are_ignored_not_500(signed_in, learner, card, duration):
    form = {"card": card.pk, "rating": "3", "token": "ab.cd", "duration_ms": duration}
    assert signed_in.post(reverse("flashcards_review"), form).status_code == 302
    assert ReviewLog.objects.get(user=learner).duration_ms is not None


@pytest.mark.parametrize("card_id", ["", "abc", "9" * 30, "-1", "²"])
def test_unknown_card_ids_are_404(signed_in, deck, card_id):
    response = signed_in.post(reverse("flashcards_review"), {"card": card_id, "rating": "3"})
    assert response.status_code == 404
    assert "We could not find that card in your study." in response.content.decode()


def test_other_learners_cards_and_decks_are_404(signed_in, other_card):
    review = signed_in.post(reverse("flashcards_review"), {"card": other_card.pk, "rating": 3})
    assert review.status_code == 404
    reveal = signed_in.get(STUDY, {"card": other_card.pk, "reveal": 1, "token": "t"})
    assert reveal.status_code == 404
    assert "Back 0" not in reveal.content.decode()
    assert signed_in.get(STUDY, {"deck": other_card.deck_id}).status_code == 404
    assert signed_in.get(STUDY, {"deck": "9" * 40}).status_code == 404
    assert not ReviewLog.objects.exists()


def test_guests_are_sent_to_log_in_and_unverified_learners_refused(client, deck):
    response = client.get(STUDY)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert client.post(reverse("flashcards_review"), {}, **FETCH).status_code == 403
    client.force_login(UserFactory(verified=False))
    assert client.get(STUDY).status_code == 403
    assert client.get(reverse("flashcards_home")).status_code == 403


def test_home_lists_studied_decks_with_counts(signed_in, learner, other_learner):
    make_deck(learner, cards=3, name="Airspace")
    shared = make_deck(other_learner, cards=2, name="Weather", is_public=True)
    make_deck(other_learner, cards=2, name="Private deck")
    services.start_studying(learner, shared)
    html = signed_in.get(reverse("flashcards_home")).content.decode()
    assert "Airspace" in html
    assert "Weather" in html
    assert "Private deck" not in html
    assert "Today: 5 new" in html


def test_empty_home_links_to_the_library(signed_in):
    html = signed_in.get(reverse("flashcards_home")).content.decode()
    assert "/flashcards/decks/" in html


def test_method_not_allowed(signed_in):
    for name in ("flashcards_review", "flashcards_undo"):
        refused = signed_in.get(reverse(name))
        assert (refused.status_code, refused["Allow"]) == (405, "POST"), name


@pytest.mark.parametrize("cards", [10, 500])
def test_study_page_query_count_does_not_grow(signed_in, learner, cards, assert_signed_in_queries):
    deck = make_deck(learner, cards=cards)
    CardState.objects.filter(user=learner, card__position__lt=cards // 2).update(
        state=CardStateKind.REVIEW, stability=3, difficulty=5, step=None
    )
    services.study_settings_for(learner)
    signed_in.get(STUDY)
    with assert_signed_in_queries(8):
        assert signed_in.get(STUDY, {"deck": deck.pk}).status_code == 200
    with assert_signed_in_queries(8):
        assert signed_in.get(reverse("flashcards_home")).status_code == 200


def test_study_home_totals_respect_the_shared_daily_new_limit(signed_in, learner):
    for _ in range(3):
        make_deck(learner, cards=15)
    services.update_study_settings(learner, {"new_per_day": 20})
    html = signed_in.get(reverse("flashcards_home")).content.decode()
    assert "45 new" not in html
    assert "20 new" in html
