"""Today's study queue: which card comes next, and how many are left.

A "study day" is the learner's local calendar day shifted back by their rollover hour
(with rollover 4, 02:00 on Tuesday still belongs to Monday), as in Anki. The queue is
a fixed handful of indexed queries on CardState (user, state, due), whatever the
number of cards: today's logs for the limits, two counts, and one for the next card.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

from django.db.models import Count, Min, Q, Sum
from django.utils import timezone

from .models import CardState, CardStateKind, DeckStudy, ReviewLog

LEARN_AHEAD = timedelta(minutes=20)
LEARNING_STATES = (CardStateKind.LEARNING, CardStateKind.RELEARNING)


def learner_zone(user):
    """The learner's ZoneInfo (UTC when they have no preferences yet)."""
    preferences = getattr(user, "preferences", None)
    return preferences.zone if preferences is not None else UTC


def study_day(settings, tz, now):
    """The study day `now` falls in, for a learner in `tz` with their rollover hour."""
    local = now.astimezone(tz)
    return (local.replace(tzinfo=None) - timedelta(hours=settings.rollover_hour)).date()


def day_bounds(settings, tz, day):
    """(start, end) in UTC of a study day: rollover hour to rollover hour, local time.
    Wall-clock times are resolved by zoneinfo, so DST days are 23 or 25 hours long."""
    start = datetime.combine(day, time(settings.rollover_hour), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(settings.rollover_hour), tzinfo=tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def studied_states(user, deck=None):
    """The learner's states of cards in decks they study now (own decks and DeckStudy
    decks), without suspended cards."""
    studied = Q(card__deck__owner_id=user.pk) | Q(
        card__deck_id__in=DeckStudy.objects.filter(user=user).values("deck_id")
    )
    states = CardState.objects.filter(studied, user=user, suspended=False)
    return states.filter(card__deck_id=deck.pk) if deck is not None else states


def available_states(user, today, deck=None):
    """studied_states without cards buried past `today`."""
    unburied = Q(buried_until__isnull=True) | Q(buried_until__lte=today)
    return studied_states(user, deck).filter(unburied)


def queue_counts(states, now, end, new_room):
    """The counters, read through the (user, state, due) index: one aggregate over the
    cards due by the end of the day, and a count of new cards that stops at `new_room`
    (counting every new card of a 20,000-card deck would be the slow part)."""
    learning = Q(state__in=LEARNING_STATES)
    horizon = max(end, now + LEARN_AHEAD)
    due = states.filter(state__in=[*LEARNING_STATES, CardStateKind.REVIEW], due__lt=horizon)
    counts = due.aggregate(
        learning_today=Count("pk", filter=learning & Q(due__lt=end)),
        learning_now=Count("pk", filter=learning & Q(due__lte=now)),
        learning_soon=Count("pk", filter=learning & Q(due__lte=now + LEARN_AHEAD)),
        review_due=Count("pk", filter=Q(state=CardStateKind.REVIEW, due__lt=end)),
    )
    new = states.filter(state=CardStateKind.NEW).order_by().values("pk")[:new_room]
    counts["new_available"] = new.count() if new_room else 0
    return counts


def done_today(user, start, end):
    """How many new cards and reviews the learner already did this study day."""
    logs = ReviewLog.objects.filter(user=user, reviewed_at__gte=start, reviewed_at__lt=end)
    return logs.aggregate(
        new=Count("pk", filter=Q(state_before=CardStateKind.NEW)),
        reviews=Count("pk", filter=Q(state_before=CardStateKind.REVIEW)),
        total=Count("pk"),
        again=Count("pk", filter=Q(rating=1)),
        duration_ms=Sum("duration_ms"),
    )


@dataclass
class TodaysQueue:
    """Counters for the study screen and `next_state()`: the card to show now."""

    states: object
    now: datetime
    end: datetime
    new_left: int
    learning_left: int
    review_left: int
    learning_now: int
    learning_soon: int
    done: dict = field(default_factory=dict)
    settings: object = None
    _next: object = None
    _fetched: bool = False

    @property
    def total_left(self):
        return self.new_left + self.learning_left + self.review_left

    def next_state(self):
        """Due learning cards first, then due reviews, then new cards, then a learning
        card due within LEARN_AHEAD (as Anki learns ahead when nothing else is left)."""
        if not self._fetched:
            self._next, self._fetched = self._pick(), True
        return self._next

    def _pick(self):
        states = self.states.select_related("card")
        if self.learning_now:
            chosen = states.filter(state__in=LEARNING_STATES, due__lte=self.now)
        elif self.review_left:
            chosen = states.filter(state=CardStateKind.REVIEW, due__lt=self.end)
        elif self.new_left:
            return (
                states.filter(state=CardStateKind.NEW)
                .order_by("due", "card__position", "card_id")
                .first()
            )
        elif self.learning_soon:
            chosen = states.filter(state__in=LEARNING_STATES, due__lte=self.now + LEARN_AHEAD)
        else:
            return None
        # (due, pk) follows the index; new states are created in card order, so new
        # cards come in deck order.
        return chosen.order_by("due", "pk").first()


def todays_queue(user, deck=None, now=None, settings=None):
    """The learner's queue for this study day, optionally for one deck."""
    from .services import current_study_settings

    now = now or timezone.now()
    settings = settings or current_study_settings(user)
    tz = learner_zone(user)
    today = study_day(settings, tz, now)
    start, end = day_bounds(settings, tz, today)
    states = available_states(user, today, deck)
    done = done_today(user, start, end)
    new_room = max(0, settings.new_per_day - done["new"])
    counts = queue_counts(states, now, end, new_room)
    review_room = max(0, settings.reviews_per_day - done["reviews"])
    return TodaysQueue(
        states=states,
        now=now,
        end=end,
        new_left=min(counts["new_available"], new_room),
        learning_left=counts["learning_today"],
        review_left=min(counts["review_due"], review_room),
        learning_now=counts["learning_now"],
        learning_soon=counts["learning_soon"],
        done=done,
        settings=settings,
    )


def next_due(user, after):
    """When the learner's next card (in a studied deck) falls due after `after`."""
    return studied_states(user).filter(due__gt=after).aggregate(at=Min("due"))["at"]


def deck_counts(user, now=None, settings=None):
    """Per studied deck: (deck_id, new, learning, review) left today, the daily limits
    shared across decks as they are in the queue. One grouped query plus the logs."""
    from .services import current_study_settings

    now = now or timezone.now()
    settings = settings or current_study_settings(user)
    tz = learner_zone(user)
    today = study_day(settings, tz, now)
    start, end = day_bounds(settings, tz, today)
    done = done_today(user, start, end)
    new_room = max(0, settings.new_per_day - done["new"])
    review_room = max(0, settings.reviews_per_day - done["reviews"])
    rows = (
        available_states(user, today)
        .values("card__deck_id")
        .annotate(
            new=Count("pk", filter=Q(state=CardStateKind.NEW)),
            learning=Count("pk", filter=Q(state__in=LEARNING_STATES, due__lt=end)),
            review=Count("pk", filter=Q(state=CardStateKind.REVIEW, due__lt=end)),
        )
        .order_by()
    )
    return {
        row["card__deck_id"]: {
            "new": min(row["new"], new_room),
            "learning": row["learning"],
            "review": min(row["review"], review_room),
        }
        for row in rows
    }, done
