"""A learner's flashcard statistics, overall or for one deck, in a fixed number of queries.

Each figure reads only the columns it needs (``values_list``) and bins them in Python: a
study "day" starts at the learner's rollover hour in their own timezone (``clock.py``),
which a database ``TruncDate`` cannot express portably, and 20,000 rows of two or three
numbers bin in a few milliseconds.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.db.models import Count, Q

from ..clock import DEFAULT_ROLLOVER, clock_for
from ..models import CardState, CardStateKind, DeckStudy, Rating, ReviewLog
from ..models.state import KNOWN_STABILITY_DAYS

HISTORY_DAYS = 30
FORECAST_DAYS = 30
RETENTION_WINDOWS = (7, 30)
CALIBRATION_BINS = 10


@dataclass(frozen=True)
class Retention:
    """Share of reviews of cards in Review state that were not rated Again."""

    days: int
    passed: int
    total: int

    @property
    def percent(self):
        return round(100 * self.passed / self.total, 1) if self.total else None


@dataclass(frozen=True)
class CalibrationBin:
    low: float
    high: float
    count: int
    recalled: int
    predicted_sum: float

    @property
    def predicted(self):
        return self.predicted_sum / self.count if self.count else None

    @property
    def actual(self):
        return self.recalled / self.count if self.count else None


@dataclass
class FlashcardStats:
    today: object
    rollover_hour: int = DEFAULT_ROLLOVER
    reviews_per_day: list = field(default_factory=list)
    retention: list = field(default_factory=list)
    calibration: list = field(default_factory=list)
    states: dict = field(default_factory=dict)
    forecast: list = field(default_factory=list)

    @property
    def review_count(self):
        return sum(count for _, count in self.reviews_per_day)

    @property
    def card_count(self):
        return self.states.get("total", 0)

    @property
    def predicted_count(self):
        return sum(item.count for item in self.calibration)

    @property
    def due_count(self):
        return sum(count for _, count in self.forecast)


def scoped(queryset, user, deck):
    queryset = queryset.filter(user=user)
    return queryset.filter(card__deck=deck) if deck is not None else queryset


def studied(states, user):
    """States of cards in decks the learner studies now (what the queue sees); logs keep
    their whole history even after a deck is dropped."""
    return states.filter(
        Q(card__deck__owner_id=user.pk)
        | Q(card__deck_id__in=DeckStudy.objects.filter(user=user).values("deck_id"))
    )


def reviews_and_retention(logs, clock, today):
    """Reviews per study day over the last HISTORY_DAYS days, and true retention."""
    first_day = today - timedelta(days=HISTORY_DAYS - 1)
    rows = logs.filter(reviewed_at__gte=clock.start_of(first_day)).values_list(
        "reviewed_at", "rating", "state_before"
    )
    per_day = Counter()
    passed, total = Counter(), Counter()
    for reviewed_at, rating, state_before in rows:
        day = clock.day_of(reviewed_at)
        per_day[day] += 1
        if state_before != CardStateKind.REVIEW:
            continue
        for window in RETENTION_WINDOWS:
            if (today - day).days < window:
                total[window] += 1
                passed[window] += rating != Rating.AGAIN
    days = [first_day + timedelta(days=offset) for offset in range(HISTORY_DAYS)]
    retention = [Retention(w, passed[w], total[w]) for w in RETENTION_WINDOWS]
    return [(day, per_day[day]) for day in days], retention


def calibration(logs):
    """Predicted recall (at the moment of review) against what happened, per bin."""
    counts = [0] * CALIBRATION_BINS
    recalled = [0] * CALIBRATION_BINS
    sums = [0.0] * CALIBRATION_BINS
    # Review-state cards only: a new card's "prediction" is 0 and a learning step's is
    # minutes old; neither says anything about the memory model.
    rows = logs.filter(retrievability__isnull=False, state_before=CardStateKind.REVIEW)
    rows = rows.values_list("retrievability", "rating")
    for predicted, rating in rows:
        predicted = min(max(predicted, 0.0), 1.0)
        index = min(int(predicted * CALIBRATION_BINS), CALIBRATION_BINS - 1)
        counts[index] += 1
        recalled[index] += rating != Rating.AGAIN
        sums[index] += predicted
    width = 1 / CALIBRATION_BINS
    return [
        CalibrationBin(
            round(i * width, 2), round((i + 1) * width, 2), counts[i], recalled[i], sums[i]
        )
        for i in range(CALIBRATION_BINS)
    ]


def cards_by_state(states):
    """Counts per state in one aggregate query; suspended cards count only as suspended.
    (Aggregate names get a suffix: "suspended" alone would clash with the field.)"""
    active = Q(suspended=False)
    filters = {
        "total": Q(),
        "new": active & Q(state=CardStateKind.NEW),
        "learning": active & Q(state=CardStateKind.LEARNING),
        "review": active & Q(state=CardStateKind.REVIEW),
        "relearning": active & Q(state=CardStateKind.RELEARNING),
        "suspended": Q(suspended=True),
        "known": active & Q(state=CardStateKind.REVIEW, stability__gte=KNOWN_STABILITY_DAYS),
    }
    figures = states.aggregate(
        **{f"{name}_count": Count("pk", filter=condition) for name, condition in filters.items()}
    )
    return {name: figures[f"{name}_count"] for name in filters}


def due_forecast(states, clock, today):
    """Cards already studied that fall due on each of the next FORECAST_DAYS study days
    (overdue ones count for today; new cards are not "due", they wait in the new queue)."""
    end = clock.start_of(today + timedelta(days=FORECAST_DAYS))
    rows = states.filter(suspended=False, due__lt=end).exclude(state=CardStateKind.NEW)
    per_day = Counter()
    for due in rows.values_list("due", flat=True):
        per_day[max(clock.day_of(due), today)] += 1
    days = [today + timedelta(days=offset) for offset in range(FORECAST_DAYS)]
    return [(day, per_day[day]) for day in days]


def flashcard_stats(user, deck=None, now=None):
    """Everything the stats page shows, for all of `user`'s cards or one deck."""
    clock = clock_for(user)
    today = clock.day_of(now or datetime.now(UTC))
    logs = scoped(ReviewLog.objects, user, deck)
    states = studied(scoped(CardState.objects, user, deck), user)
    per_day, retention = reviews_and_retention(logs, clock, today)
    return FlashcardStats(
        today=today,
        rollover_hour=clock.rollover_hour,
        reviews_per_day=per_day,
        retention=retention,
        calibration=calibration(logs),
        states=cards_by_state(states),
        forecast=due_forecast(states, clock, today),
    )
