"""Stats figures on a hand-made history, in a timezone west of UTC with the default 04:00
rollover: reviews per study day, true retention, calibration bins, states, forecast."""

import datetime

import pytest

from learning.flashcards.models import CardState, CardStateKind, ReviewLog
from learning.flashcards.stats.figures import flashcard_stats

from .conftest import make_deck, set_timezone

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=datetime.UTC)  # 05:00 in Los Angeles
JUNE = datetime.date(2026, 6, 1)


def at(day, hour, minute=0):
    return datetime.datetime(2026, 6 if day > 0 else 5, abs(day), hour, minute, tzinfo=datetime.UTC)


def log(user, card, when, rating, state_before=CardStateKind.REVIEW, predicted=None):
    return ReviewLog.objects.create(
        user=user,
        card=card,
        rating=rating,
        reviewed_at=when,
        state_before=state_before,
        state_after=CardStateKind.REVIEW,
        due_before=when,
        due_after=when + datetime.timedelta(days=3),
        retrievability=predicted,
    )


@pytest.fixture
def history(learner, deck):
    set_timezone(learner, "America/Los_Angeles")
    cards = list(deck.cards.order_by("position"))
    log(learner, cards[0], at(15, 10), 3, predicted=0.95)  # 03:00 local: still June 14
    log(learner, cards[1], at(15, 11, 30), 1, predicted=0.91)  # 04:30 local: June 15
    log(learner, cards[2], at(10, 20), 3, predicted=0.42)
    log(learner, cards[3], at(1, 20), 1, predicted=0.05)  # 14 days ago: 30-day window only
    log(learner, cards[4], at(14, 20), 3, state_before=CardStateKind.NEW, predicted=0.0)
    log(learner, cards[4], at(-1, 20), 3, predicted=1.0)  # May 1: older than 30 days
    states = {s.card_id: s for s in CardState.objects.filter(user=learner)}
    updates = [
        (cards[0], CardStateKind.REVIEW, at(15, 10), 30.0, False),  # overdue: counts today
        (cards[1], CardStateKind.REVIEW, at(16, 10, 30), 5.0, False),  # 03:30 local: June 15
        (cards[2], CardStateKind.LEARNING, at(16, 12), None, False),  # 05:00 local: June 16
        (cards[4], CardStateKind.REVIEW, at(17, 12), 40.0, True),  # suspended: not forecast
    ]
    for card, state, due, stability, suspended in updates:
        row = states[card.pk]
        row.state, row.due, row.stability, row.suspended = state, due, stability, suspended
        row.save()
    return cards


def test_reviews_are_counted_on_the_learners_study_day(learner, history):
    stats = flashcard_stats(learner, now=NOW)
    per_day = dict(stats.reviews_per_day)
    assert stats.today == datetime.date(2026, 6, 15)
    assert len(stats.reviews_per_day) == 30
    assert stats.reviews_per_day[0][0] == datetime.date(2026, 5, 17)
    assert per_day[datetime.date(2026, 6, 14)] == 2
    assert per_day[datetime.date(2026, 6, 15)] == 1
    assert per_day[datetime.date(2026, 6, 10)] == 1
    assert per_day[JUNE] == 1
    assert stats.review_count == 5


def test_true_retention_counts_only_reviews_of_review_cards(learner, history):
    week, month = flashcard_stats(learner, now=NOW).retention
    assert (week.days, week.passed, week.total, week.percent) == (7, 2, 3, 66.7)
    assert (month.days, month.passed, month.total, month.percent) == (30, 2, 4, 50.0)


def test_calibration_bins_predictions_against_outcomes(learner, history):
    bins = flashcard_stats(learner, now=NOW).calibration
    assert len(bins) == 10
    top = bins[9]
    assert (top.count, top.recalled) == (3, 2)  # 0.95, 0.91 and the May 1.0
    assert top.predicted == pytest.approx((0.95 + 0.91 + 1.0) / 3)
    assert (bins[4].count, bins[4].actual) == (1, 1.0)
    assert (bins[0].count, bins[0].actual) == (1, 0.0)
    assert sum(b.count for b in bins) == 5  # only reviews of review cards with a prediction


def test_states_and_forecast_follow_local_days(learner, history):
    stats = flashcard_stats(learner, now=NOW)
    states = stats.states
    assert (states["new"], states["learning"], states["review"]) == (1, 1, 2)
    assert (states["suspended"], states["known"], states["total"]) == (1, 1, 5)
    forecast = dict(stats.forecast)
    assert forecast[datetime.date(2026, 6, 15)] == 2
    assert forecast[datetime.date(2026, 6, 16)] == 1
    assert stats.due_count == 3
    assert stats.forecast[-1][0] == datetime.date(2026, 7, 14)


def test_deck_stats_only_count_that_deck(learner, history):
    other = make_deck(learner, cards=2)
    log(learner, other.cards.first(), at(15, 11), 3, predicted=0.8)
    deck_stats = flashcard_stats(learner, history[0].deck, now=NOW)
    assert deck_stats.review_count == 5
    assert deck_stats.states["total"] == 5
    assert flashcard_stats(learner, other, now=NOW).review_count == 1
    assert flashcard_stats(learner, now=NOW).review_count == 6


def test_rollover_hour_moves_the_day_boundary(learner, history):
    from learning.flashcards.services import study_settings_for

    settings = study_settings_for(learner)
    settings.rollover_hour = 0
    settings.save()
    per_day = dict(flashcard_stats(learner, now=NOW).reviews_per_day)
    assert per_day[datetime.date(2026, 6, 15)] == 2  # 03:00 local is now June 15
    assert per_day[datetime.date(2026, 6, 14)] == 1


def test_a_new_learner_has_empty_stats(learner):
    stats = flashcard_stats(learner, now=NOW)
    assert stats.review_count == 0
    assert stats.card_count == 0
    assert all(item.count == 0 for item in stats.calibration)
    assert [r.percent for r in stats.retention] == [None, None]
