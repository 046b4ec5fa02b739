"""Daily limits as Anki applies them (the review limit caps interday learning, reviews
and, unless turned off, new cards) and the order of the day's reviews."""

import datetime

from learning.flashcards import services
from learning.flashcards.models import CardState, CardStateKind, StudySettings
from learning.flashcards.queue import in_review_order, todays_queue

from .conftest import NOON, make_deck

START_OF_TODAY = datetime.datetime(2026, 6, 15, 4, 0, tzinfo=datetime.UTC)  # UTC, rollover 4


def limits(learner, **fields):
    services.study_settings_for(learner)
    StudySettings.objects.filter(user=learner).update(**fields)


def make_review(learner, card, due):
    CardState.objects.filter(user=learner, card=card).update(
        state=CardStateKind.REVIEW,
        due=due,
        step=None,
        stability=5.0,
        difficulty=5.0,
        last_review=due - datetime.timedelta(days=5),
    )


def make_learning(learner, card, due):
    CardState.objects.filter(user=learner, card=card).update(
        state=CardStateKind.LEARNING,
        due=due,
        step=1,
        stability=1.0,
        difficulty=5.0,
        last_review=due - datetime.timedelta(days=1),
    )


def counts(queue):
    return queue.new_left, queue.learning_left, queue.review_left


def test_the_review_limit_caps_new_cards_unless_turned_off(learner):
    cards = list(make_deck(learner, cards=7).cards.order_by("position"))
    for card in cards[:2]:
        make_review(learner, card, START_OF_TODAY)
    limits(learner, reviews_per_day=3, new_per_day=20)
    assert counts(todays_queue(learner, now=NOON)) == (1, 0, 2)
    services.review_card(learner, cards[2].pk, 4, now=NOON)  # a new card: uses the room
    assert counts(todays_queue(learner, now=NOON)) == (0, 0, 2)
    limits(learner, new_ignore_review_limit=True)
    assert counts(todays_queue(learner, now=NOON)) == (4, 0, 2)


def test_interday_learning_counts_against_the_review_limit(learner):
    interday, intraday, first, second, _ = make_deck(learner, cards=5).cards.order_by("position")
    make_learning(learner, interday, START_OF_TODAY)  # a "1d" step: due at today's start
    make_learning(learner, intraday, NOON - datetime.timedelta(minutes=5))
    make_review(learner, first, START_OF_TODAY - datetime.timedelta(days=2))
    make_review(learner, second, START_OF_TODAY)
    limits(learner, reviews_per_day=2, new_ignore_review_limit=True, new_per_day=0)
    queue = todays_queue(learner, now=NOON)
    assert counts(queue) == (0, 2, 1)
    picked = []
    now = NOON
    while (state := todays_queue(learner, now=now).next_state()) is not None:
        picked.append(state.card_id)
        services.review_card(learner, state.card_id, 4, now=now)
        now += datetime.timedelta(minutes=1)
    # Intraday learning first, then the interday card, then one review: the limit is 2.
    assert picked == [intraday.pk, interday.pk, first.pk]
    assert counts(todays_queue(learner, now=now)) == (0, 0, 0)
    assert todays_queue(learner, now=NOON + datetime.timedelta(days=1)).review_left == 1


def review_order(learner, now):
    queue = todays_queue(learner, now=now)
    states = queue.states.filter(state=CardStateKind.REVIEW, due__lt=queue.end)
    return list(
        in_review_order(states, queue.settings, queue.seed).values_list("card_id", flat=True)
    )


def test_reviews_come_by_due_date_or_shuffled_the_same_way_all_day(learner):
    cards = list(make_deck(learner, cards=12).cards.order_by("position"))
    for offset, card in enumerate(cards):
        make_review(learner, card, START_OF_TODAY - datetime.timedelta(hours=12 - offset))
    by_due = [card.pk for card in cards]
    assert review_order(learner, NOON) == by_due
    assert todays_queue(learner, now=NOON).next_state().card_id == by_due[0]
    limits(learner, review_order="shuffled")
    morning = review_order(learner, START_OF_TODAY + datetime.timedelta(hours=1))
    evening = review_order(learner, NOON + datetime.timedelta(hours=10))
    tomorrow = review_order(learner, NOON + datetime.timedelta(days=1))
    assert sorted(morning) == sorted(by_due)
    assert morning == evening
    assert morning != by_due
    assert tomorrow != morning
    assert todays_queue(learner, now=NOON).next_state().card_id == morning[0]
