"""Today's queue: order, daily limits, suspended/buried cards, study days across zones."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from learning.flashcards import services
from learning.flashcards.clock import StudyClock
from learning.flashcards.models import CardState, CardStateKind, StudySettings
from learning.flashcards.queue import todays_queue

from .conftest import NOON, make_deck, set_timezone

UTC = datetime.UTC


def put(learner, card, state, due, **fields):
    CardState.objects.filter(user=learner, card=card).update(state=state, due=due, **fields)


def review_fields():
    return {"step": None, "stability": 5.0, "difficulty": 5.0, "last_review": NOON}


def test_learning_then_reviews_then_new(learner):
    deck = make_deck(learner, cards=5)
    new_card, review_card, learning_card, later, _ = deck.cards.order_by("position")
    put(
        learner,
        review_card,
        CardStateKind.REVIEW,
        NOON - datetime.timedelta(hours=1),
        **review_fields(),
    )
    put(
        learner, learning_card, CardStateKind.LEARNING, NOON - datetime.timedelta(minutes=1), step=1
    )
    put(learner, later, CardStateKind.RELEARNING, NOON + datetime.timedelta(hours=2), step=0)
    seen = []
    now = NOON
    queue = todays_queue(learner, now=now)
    assert (queue.new_left, queue.learning_left, queue.review_left) == (2, 2, 1)
    while (state := todays_queue(learner, now=now).next_state()) and len(seen) < 3:
        seen.append(state.card_id)
        services.review_card(learner, state.card_id, 4, now=now)
    assert seen == [learning_card.pk, review_card.pk, new_card.pk]


def test_daily_limits_count_what_was_done_today(learner):
    make_deck(learner, cards=6)
    settings = services.study_settings_for(learner)
    settings.new_per_day = 2
    settings.save()
    queue = todays_queue(learner, now=NOON)
    assert queue.new_left == 2
    services.review_card(learner, queue.next_state().card_id, 4, now=NOON)
    assert todays_queue(learner, now=NOON).new_left == 1
    tomorrow = NOON + datetime.timedelta(days=1)
    assert todays_queue(learner, now=tomorrow).new_left == 2


def test_review_limit(learner):
    deck = make_deck(learner, cards=4)
    StudySettings.objects.filter(user=learner).update(reviews_per_day=3)
    services.study_settings_for(learner)
    StudySettings.objects.filter(user=learner).update(reviews_per_day=3)
    for card in deck.cards.all():
        put(
            learner,
            card,
            CardStateKind.REVIEW,
            NOON - datetime.timedelta(days=1),
            **review_fields(),
        )
    queue = todays_queue(learner, now=NOON)
    assert (queue.review_left, queue.new_left) == (3, 0)
    services.review_card(learner, queue.next_state().card_id, 3, now=NOON)
    assert todays_queue(learner, now=NOON).review_left == 2


def test_suspended_buried_and_dropped_decks_are_left_out(learner, other_learner):
    deck = make_deck(learner, cards=3)
    first, second, _ = deck.cards.order_by("position")
    services.set_suspended(learner, first.pk, True)
    services.bury(learner, second.pk, now=NOON)
    assert todays_queue(learner, now=NOON).new_left == 1
    tomorrow = NOON + datetime.timedelta(days=1)
    assert todays_queue(learner, now=tomorrow).new_left == 2
    shared = make_deck(other_learner, cards=2, is_public=True)
    services.start_studying(learner, shared, now=NOON)
    assert todays_queue(learner, now=NOON).new_left == 3
    assert todays_queue(learner, deck=shared, now=NOON).new_left == 2
    services.stop_studying(learner, shared)
    assert todays_queue(learner, now=NOON).new_left == 1


def test_learns_ahead_when_nothing_else_is_left(learner):
    deck = make_deck(learner, cards=1)
    card = deck.cards.get()
    put(learner, card, CardStateKind.LEARNING, NOON + datetime.timedelta(minutes=15), step=1)
    assert todays_queue(learner, now=NOON).next_state().card_id == card.pk
    put(learner, card, CardStateKind.LEARNING, NOON + datetime.timedelta(minutes=45), step=1)
    queue = todays_queue(learner, now=NOON)
    assert queue.next_state() is None
    assert queue.learning_left == 1


def test_study_day_on_new_york_dst_change_days():
    clock = StudyClock(ZoneInfo("America/New_York"), 4)
    # Clocks go forward at 02:00 on 8 March, so the study day that started at 04:00 EST
    # on the 7th ends at 04:00 EDT on the 8th: 23 hours.
    spring = datetime.date(2026, 3, 7)
    start, end = clock.bounds(spring)
    assert start == datetime.datetime(2026, 3, 7, 9, tzinfo=UTC)
    assert end == datetime.datetime(2026, 3, 8, 8, tzinfo=UTC)
    assert end - start == datetime.timedelta(hours=23)
    autumn_start, autumn_end = clock.bounds(datetime.date(2026, 10, 31))
    assert autumn_end - autumn_start == datetime.timedelta(hours=25)
    # 03:30 EDT on the 8th is still the 7th's study day; 04:00 EDT starts the 8th.
    assert clock.day_of(datetime.datetime(2026, 3, 8, 7, 30, tzinfo=UTC)) == spring
    assert clock.day_of(end) == datetime.date(2026, 3, 8)
    assert clock.day_of(start) == spring


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime.datetime(2026, 6, 14, 15, 59, tzinfo=UTC), datetime.date(2026, 6, 14)),
        (datetime.datetime(2026, 6, 14, 16, 0, tzinfo=UTC), datetime.date(2026, 6, 15)),
    ],
)
def test_study_day_in_auckland(moment, expected):
    # Auckland is UTC+12 in June: 04:00 local on the 15th is 16:00 UTC on the 14th.
    assert StudyClock(ZoneInfo("Pacific/Auckland"), 4).day_of(moment) == expected


def test_new_limit_resets_at_the_learners_rollover_not_utc_midnight(learner):
    set_timezone(learner, "Pacific/Auckland")
    learner.refresh_from_db()
    make_deck(learner, cards=4)
    StudySettings.objects.update_or_create(user=learner, defaults={"new_per_day": 1})
    before = datetime.datetime(2026, 6, 14, 15, 30, tzinfo=UTC)
    services.review_card(
        learner, todays_queue(learner, now=before).next_state().card_id, 4, now=before
    )
    assert todays_queue(learner, now=before + datetime.timedelta(minutes=20)).new_left == 0
    assert todays_queue(learner, now=before + datetime.timedelta(minutes=31)).new_left == 1


def test_queue_queries_do_not_grow_with_cards(learner, django_assert_num_queries):
    make_deck(learner, cards=10)
    services.study_settings_for(learner)
    learner.preferences  # noqa: B018 - loaded once, as the request's user has it
    with django_assert_num_queries(5):
        todays_queue(learner, now=NOON).next_state()
    make_deck(learner, cards=500)
    with django_assert_num_queries(5):
        todays_queue(learner, now=NOON).next_state()


def test_official_decks_need_a_current_enrollment(learner, other_learner):
    from learning.courses.factories import make_catalog, make_course
    from learning.enrollments.factories import enroll
    from learning.enrollments.services import leave
    from learning.flashcards.factories import DeckFactory, FlashcardFactory

    course = make_course(make_catalog(), title="Private Pilot")
    official = DeckFactory(owner=None, course=course, name="Essentials")
    FlashcardFactory.create_batch(3, deck=official)
    with pytest.raises(services.FlashcardError) as refused:
        services.start_studying(learner, official)
    assert refused.value.status == 404
    enroll(learner, course)
    assert services.start_studying(learner, official) is not None
    assert services.start_studying(learner, official).pk == official.students.get().pk
    assert todays_queue(learner).new_left == 3
    leave(learner, course)
    assert not services.can_study(learner, official)
    assert not services.can_study(other_learner, official)


def test_cards_added_later_reach_everyone_who_studies_the_deck(learner, other_learner):
    from learning.flashcards.factories import FlashcardFactory

    shared = make_deck(other_learner, cards=1, is_public=True)
    services.start_studying(learner, shared)
    added = FlashcardFactory.create_batch(2, deck=shared)
    services.states_for_new_cards(added)
    services.states_for_new_cards(added)
    assert CardState.objects.filter(card__in=added).count() == 4
    assert todays_queue(learner).new_left == 3


def test_starting_a_large_deck_takes_a_few_queries(learner, django_assert_max_num_queries):
    deck = make_deck(learner, cards=0)
    from learning.flashcards.models import Flashcard

    Flashcard.objects.bulk_create(
        [Flashcard(deck=deck, front="f", back="b", position=n) for n in range(5_000)]
    )
    with django_assert_max_num_queries(8):
        services.start_studying(learner, deck)
    assert CardState.objects.filter(user=learner).count() == 5_000
