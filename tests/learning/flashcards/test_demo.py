"""The demo deck: at least 60 cards in the demo course's official deck, a month of
reviews by the demo learner with cards due today, and nothing doubles on a reload."""

from importlib import import_module
from io import StringIO

import pytest

from learning.flashcards.models import CardState, Deck, ReviewLog
from learning.flashcards.queue import todays_queue
from learning.flashcards.stats.figures import flashcard_stats

pytestmark = pytest.mark.django_db

# What the flashcards demo stands on (load_demo runs these first, in this order).
PREREQUISITES = ["demo.loaders.accounts", "demo.loaders.courses", "demo.loaders.enrollments"]


def counts():
    return (Deck.objects.count(), ReviewLog.objects.count(), CardState.objects.count())


def test_demo_deck_and_history_load_once():
    for name in PREREQUISITES:
        import_module(name).load(StringIO())
    from demo.loaders import flashcards as demo

    demo.load(StringIO())
    first = counts()
    demo.load(StringIO())
    assert counts() == first
    deck = Deck.objects.get(name="Private Pilot Essentials")
    assert deck.course.slug == "private-pilot-checkride-prep"
    assert deck.category is not None
    assert deck.reviewed_by.email == "instructor@demo.test"
    assert deck.current_as_of is not None
    assert deck.cards.count() >= 60
    assert all(card.tags for card in deck.cards.all())
    learner = deck.students.get(user__email="learner@demo.test").user
    stats = flashcard_stats(learner)
    assert stats.review_count > 100
    assert stats.predicted_count > 0
    queue = todays_queue(learner)
    assert queue.review_left + queue.learning_left + queue.new_left > 0
