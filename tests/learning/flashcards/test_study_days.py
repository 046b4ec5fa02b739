"""Elapsed time is counted in study days everywhere: the scheduler (and the recall it
predicts), the queue and the optimizer agree, at both ends of a study day, far from UTC
and across a daylight saving change."""

import datetime
from zoneinfo import ZoneInfo

import fsrs
import pytest

from learning.flashcards import optimizer, services
from learning.flashcards.clock import StudyClock
from learning.flashcards.models import CardState, CardStateKind, Rating
from learning.flashcards.queue import todays_queue
from learning.flashcards.scheduler import elapsed_days, scheduler_for

from .conftest import make_deck, set_timezone

AUCKLAND = ZoneInfo("Pacific/Auckland")
MINUTE = datetime.timedelta(minutes=1)


def local(day, hour, minute=0):
    """An Auckland wall-clock time (NZ daylight time ends 03:00 on 5 April 2026)."""
    return datetime.datetime(2026, 4, day, hour, minute, tzinfo=AUCKLAND)


# (local time, rating, study days since the previous review). 03:30 still belongs to
# the day before; the real gaps differ: 23 h counts 0, 26 h counts 2, 12 h counts 1.
REPLAY = [
    (local(3, 4, 30), Rating.EASY, 0),
    (local(4, 3, 30), Rating.GOOD, 0),
    (local(5, 4, 30), Rating.GOOD, 2),  # after the clocks went back an hour
    (local(5, 20, 0), Rating.HARD, 0),
    (local(6, 8, 0), Rating.GOOD, 1),
    (local(9, 3, 30), Rating.GOOD, 2),
]


def predicted_recall(stability, days):
    """FSRS-6's forgetting curve with the default w20: R = (1 + F * t / S) ** -w20."""
    decay = -fsrs.Scheduler().parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    return (1 + factor * days / stability) ** decay


@pytest.fixture
def auckland_learner(learner):
    set_timezone(learner, "Pacific/Auckland")
    learner.refresh_from_db()
    return learner


def test_scheduler_queue_and_optimizer_count_the_same_days(auckland_learner):
    learner = auckland_learner
    card = make_deck(learner, cards=1).cards.get()
    clock = StudyClock(AUCKLAND, 4)
    assert clock.start_of(datetime.date(2026, 4, 5)) == local(5, 4).astimezone(datetime.UTC)
    scheduler = scheduler_for(services.study_settings_for(learner))
    for moment, rating, days in REPLAY:
        before = CardState.objects.get(user=learner, card=card)
        assert elapsed_days(before, scheduler.clock, moment) == days
        state, log, _ = services.review_card(learner, card.pk, rating, now=moment)
        if before.state == CardStateKind.REVIEW:
            assert log.retrievability == pytest.approx(predicted_recall(before.stability, days))
        # The queue shows the card from the rollover of its due day, not a minute before,
        # and the recall predicted then is for exactly the days the queue waited.
        due_day = clock.day_of(state.due)
        opens = clock.start_of(due_day)
        assert state.due == opens
        assert todays_queue(learner, now=opens - MINUTE).review_left == 0
        assert todays_queue(learner, now=opens).review_left == 1
        waited = (due_day - clock.day_of(moment)).days
        assert elapsed_days(state, scheduler.clock, opens) == waited
    deltas = optimizer.review_deltas(optimizer.review_days(learner))[card.pk]
    assert deltas == [(int(rating), days) for _, rating, days in REPLAY]


def test_a_card_due_today_gets_the_same_result_at_0800_and_2000(auckland_learner):
    deck = make_deck(auckland_learner, cards=2)
    morning_card, evening_card = deck.cards.order_by("position")
    first = local(10, 12)
    for card in (morning_card, evening_card):
        services.review_card(auckland_learner, card.pk, Rating.EASY, now=first)
    due = CardState.objects.get(user=auckland_learner, card=morning_card).due
    due_day = StudyClock(AUCKLAND, 4).day_of(due)
    at = {
        hour: datetime.datetime.combine(due_day, datetime.time(hour), AUCKLAND) for hour in (8, 20)
    }
    morning, _, _ = services.review_card(auckland_learner, morning_card.pk, 3, now=at[8])
    evening, _, _ = services.review_card(auckland_learner, evening_card.pk, 3, now=at[20])
    assert morning.stability == pytest.approx(evening.stability)
    assert morning.difficulty == pytest.approx(evening.difficulty)
    assert morning.due == evening.due


def test_a_step_past_the_rollover_becomes_a_study_day(learner, card):
    # "1d" after a review at 23:00 UTC: Anki makes it due at the start of the next study
    # day (04:00, five hours later), not at 23:00 tomorrow.
    settings = services.study_settings_for(learner)
    settings.learning_steps = "1d 3d"
    settings.save()
    late = datetime.datetime(2026, 6, 15, 23, 0, tzinfo=datetime.UTC)
    state, _, _ = services.review_card(learner, card.pk, Rating.AGAIN, now=late)
    assert state.state == CardStateKind.LEARNING
    assert state.due == datetime.datetime(2026, 6, 16, 4, 0, tzinfo=datetime.UTC)
    outcome = services.preview_outcomes(learner, state, now=state.due)[Rating.AGAIN]
    assert (outcome.days, outcome.label) == (1, "1d")
