"""Shared flashcard fixtures: a learner with a deck they study, another learner, and a
helper to build decks with cards in one go (read-only for the other flashcard tests)."""

import datetime

import pytest

from learning.flashcards import services
from learning.flashcards.factories import DeckFactory, FlashcardFactory
from learning.flashcards.models import Flashcard

NOON = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=datetime.UTC)


def set_timezone(user, name):
    user.preferences.timezone = name
    user.preferences.save()


def make_deck(owner, cards=3, **fields):
    """A deck of `owner` with `cards` cards (bulk created) and the owner's NEW states."""
    deck = DeckFactory(owner=owner, **fields)
    rows = [
        Flashcard(deck=deck, front=f"Front {n}", back=f"Back {n}", position=n) for n in range(cards)
    ]
    Flashcard.objects.bulk_create(rows)
    services.start_studying(owner, deck, now=NOON - datetime.timedelta(days=1))
    return deck


@pytest.fixture
def deck(learner):
    return make_deck(learner, cards=5)


@pytest.fixture
def card(deck):
    return deck.cards.order_by("position").first()


@pytest.fixture
def other_card(other_learner):
    """A card another learner studies (for IDOR tests)."""
    return make_deck(other_learner, cards=1).cards.get()


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


__all__ = ["NOON", "FlashcardFactory", "make_deck", "set_timezone"]
