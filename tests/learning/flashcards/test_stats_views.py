"""The stats pages: own and studied decks only (404 otherwise), sign-in and a verified
email, never cached, a fixed number of queries however long the history."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from learning.flashcards.models import ReviewLog
from tests.conftest import session_queries

from .conftest import make_deck

pytestmark = pytest.mark.django_db

STATS = reverse("flashcards_stats")


def deck_url(deck):
    return reverse("flashcards_deck_stats", args=[deck.pk])


def add_logs(user, deck, count):
    now = datetime.datetime.now(datetime.UTC)
    cards = list(deck.cards.all())
    ReviewLog.objects.bulk_create(
        ReviewLog(
            user=user,
            card=cards[n % len(cards)],
            rating=1 + n % 4,
            reviewed_at=now - datetime.timedelta(hours=n % 700),
            state_before=2,
            state_after=2,
            due_before=now,
            due_after=now,
            retrievability=(n % 100) / 100,
        )
        for n in range(count)
    )


def test_overall_stats_show_charts_and_retention(signed_in, learner, deck):
    add_logs(learner, deck, 8)
    response = signed_in.get(STATS)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<svg class="chart"') == 4
    assert 'data-testid="retention-7"' in html
    assert "Show the numbers" in html
    assert "private" in response["Cache-Control"]
    assert deck.name in html


def test_deck_stats_for_a_studied_deck(signed_in, deck):
    response = signed_in.get(deck_url(deck))
    assert response.status_code == 200
    assert f"Statistics for “{deck.name}”" in response.content.decode()


def test_another_learners_deck_is_not_found(signed_in, other_learner):
    theirs = make_deck(other_learner, cards=1)
    add_logs(other_learner, theirs, 3)
    response = signed_in.get(deck_url(theirs))
    assert response.status_code == 404
    assert theirs.name not in response.content.decode()


def test_guests_are_sent_to_log_in(client):
    response = client.get(STATS)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_an_unverified_learner_is_refused(client):
    client.force_login(UserFactory(verified=False))
    response = client.get(STATS)
    assert response.status_code == 403
    assert "Confirm your email address to study flashcards." in response.content.decode()


def test_a_new_learner_sees_an_empty_state(client):
    client.force_login(UserFactory())
    response = client.get(STATS)
    assert response.status_code == 200
    assert 'data-testid="stats-empty"' in response.content.decode()


def test_optimizing_needs_enough_reviews(signed_in, learner, deck):
    add_logs(learner, deck, 20)
    response = signed_in.post(reverse("flashcards_optimize"))
    assert response.status_code == 400
    assert "512" in response.content.decode()
    assert signed_in.get(reverse("flashcards_optimize")).status_code == 405


def query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_history(signed_in, learner, deck):
    add_logs(learner, deck, 5)
    signed_in.get(STATS)  # warm the per-process caches (site, settings)
    few = query_count(signed_in, STATS), query_count(signed_in, deck_url(deck))
    add_logs(learner, deck, 3_000)
    make_deck(learner, cards=40)
    signed_in.get(STATS)  # counts the new history once (test_eligible_count_cache.py)
    many = query_count(signed_in, STATS), query_count(signed_in, deck_url(deck))
    assert few == many
    assert many == (10 + session_queries(), 10 + session_queries())


def test_a_public_deck_the_learner_studies_has_stats(signed_in, learner, other_learner):
    from learning.flashcards import services

    public = make_deck(other_learner, cards=2, is_public=True, name="Shared weather")
    assert signed_in.get(deck_url(public)).status_code == 404  # not studied yet
    services.start_studying(learner, public)
    response = signed_in.get(deck_url(public))
    assert response.status_code == 200
    assert "Shared weather" in response.content.decode()


def test_a_fetch_refusal_is_json(signed_in):
    response = signed_in.post(reverse("flashcards_optimize"), headers={"X-Requested-With": "fetch"})
    assert response.status_code == 400
    assert "512" in response.json()["error"]
