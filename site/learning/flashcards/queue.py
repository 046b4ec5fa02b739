"""Today's study queue: which card comes next, and how many are left.

Days are the learner's study days (``clock.py``). As in Anki's v3 scheduler:

- Intraday learning cards (due later today, minutes or hours after their last step)
  come first and are never limited.
- Interday learning cards (a step that reached into a later day: due at the start of a
  study day, so due at or before the start of today) count against the review limit
  and are taken before reviews.
- The review limit also caps new cards (after interday learning and reviews) unless the
  learner turns on "new cards ignore the review limit".
- Interday learning and reviews come in the learner's order: by due date, or shuffled
  with a seed fixed for the study day, so reloading the page does not reorder them.

The queue is a fixed handful of indexed queries on CardState (user, state, due),
whatever the number of cards: today's logs for the limits, two counts, and one for the
next card.
"""

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, F, Min, Q, Sum
from django.db.models.functions import Mod
from django.utils import timezone

from .clock import clock_of_settings
from .models import CardState, CardStateKind, DeckStudy, ReviewLog, ReviewOrder

LEARN_AHEAD = timedelta(minutes=20)
LEARNING_STATES = (CardStateKind.LEARNING, CardStateKind.RELEARNING)
# Shuffle key: card id times the day's multiplier, modulo a prime below 2**32. Each
# multiplier gives another order; the product fits 64-bit integers on SQLite and
# PostgreSQL for any card id below 2**31.
SHUFFLE_MODULUS = 4_294_967_291


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


def interday(start):
    """(Re)learning cards from an earlier study day: due at or before today's start."""
    return Q(state__in=LEARNING_STATES, due__lte=start)


def intraday(start):
    return Q(state__in=LEARNING_STATES, due__gt=start)


def queue_counts(states, now, start, end, new_room):
    """The counters, read through the (user, state, due) index: one aggregate over the
    cards due by the end of the day, and a count of new cards that stops at `new_room`
    (counting every new card of a 20,000-card deck would be the slow part)."""
    horizon = max(end, now + LEARN_AHEAD)
    due = states.filter(state__in=[*LEARNING_STATES, CardStateKind.REVIEW], due__lt=horizon)
    counts = due.aggregate(
        interday_due=Count("pk", filter=interday(start)),
        intraday_today=Count("pk", filter=intraday(start) & Q(due__lt=end)),
        intraday_now=Count("pk", filter=intraday(start) & Q(due__lte=now)),
        intraday_soon=Count("pk", filter=intraday(start) & Q(due__lte=now + LEARN_AHEAD)),
        review_due=Count("pk", filter=Q(state=CardStateKind.REVIEW, due__lt=end)),
    )
    new = states.filter(state=CardStateKind.NEW).order_by().values("pk")[:new_room]
    counts["new_available"] = new.count() if new_room else 0
    return counts


def done_today(user, start, end):
    """What the learner already did this study day, for the limits and the summary."""
    logs = ReviewLog.objects.filter(user=user, reviewed_at__gte=start, reviewed_at__lt=end)
    return logs.aggregate(
        new=Count("pk", filter=Q(state_before=CardStateKind.NEW)),
        reviews=Count("pk", filter=Q(state_before=CardStateKind.REVIEW)),
        interday=Count("pk", filter=Q(state_before__in=LEARNING_STATES, due_before__lte=start)),
        total=Count("pk"),
        again=Count("pk", filter=Q(rating=1)),
        duration_ms=Sum("duration_ms"),
    )


@dataclass(frozen=True)
class Limits:
    """How many of each kind today still allows: interday learning, then reviews, then
    new cards share the review limit (new cards only when the learner has not exempted
    them); new cards also have their own limit."""

    interday: int
    reviews: int
    new: int


def apply_limits(settings, done, interday_due, review_due, new_available):
    used = done["reviews"] + done["interday"]
    if not settings.new_ignore_review_limit:
        used += done["new"]
    room = max(0, settings.reviews_per_day - used)
    interday_left = min(interday_due, room)
    room -= interday_left
    reviews_left = min(review_due, room)
    room -= reviews_left
    new_left = min(new_available, max(0, settings.new_per_day - done["new"]))
    if not settings.new_ignore_review_limit:
        new_left = min(new_left, room)
    return Limits(interday_left, reviews_left, new_left)


def day_seed(user, today):
    """The shuffle multiplier, fixed for one learner's study day (so a reload does not
    reorder) and different from one day to the next."""
    return random.Random(f"{user.pk}:{today.isoformat()}").randrange(2, SHUFFLE_MODULUS)  # noqa: S311


def in_review_order(states, settings, seed):
    """Interday learning and reviews in the learner's order (pk breaks ties)."""
    if settings.review_order == ReviewOrder.SHUFFLED:
        key = Mod(F("card_id") * seed, SHUFFLE_MODULUS)
        return states.alias(shuffle=key).order_by("shuffle", "pk")
    return states.order_by("due", "pk")


@dataclass
class TodaysQueue:
    """Counters for the study screen and `next_state()`: the card to show now."""

    states: object
    now: datetime
    start: datetime
    end: datetime
    new_left: int
    learning_left: int
    review_left: int
    interday_left: int
    learning_now: int
    learning_soon: int
    seed: int = 0
    done: dict = field(default_factory=dict)
    settings: object = None
    _next: object = None
    _fetched: bool = False

    @property
    def total_left(self):
        return self.new_left + self.learning_left + self.review_left

    def next_state(self):
        """Intraday learning cards due now first, then interday learning and reviews
        (within the limit, in the learner's order), then new cards, then a learning
        card due within LEARN_AHEAD (as Anki learns ahead when nothing else is left)."""
        if not self._fetched:
            self._next, self._fetched = self._pick(), True
        return self._next

    def _pick(self):
        states = self.states.select_related("card")
        if self.learning_now:
            chosen = states.filter(intraday(self.start), due__lte=self.now)
            return chosen.order_by("due", "pk").first()
        if self.interday_left:
            chosen = states.filter(interday(self.start))
            return in_review_order(chosen, self.settings, self.seed).first()
        if self.review_left:
            chosen = states.filter(state=CardStateKind.REVIEW, due__lt=self.end)
            return in_review_order(chosen, self.settings, self.seed).first()
        if self.new_left:
            # New states are created in card order, so new cards come in deck order.
            return (
                states.filter(state=CardStateKind.NEW)
                .order_by("due", "card__position", "card_id")
                .first()
            )
        if self.learning_soon:
            chosen = states.filter(intraday(self.start), due__lte=self.now + LEARN_AHEAD)
            return chosen.order_by("due", "pk").first()
        return None


def todays_queue(user, deck=None, now=None, settings=None):
    """The learner's queue for this study day, optionally for one deck."""
    from .services import current_study_settings

    now = now or timezone.now()
    settings = settings or current_study_settings(user)
    clock = clock_of_settings(settings)
    today = clock.day_of(now)
    start, end = clock.bounds(today)
    states = available_states(user, today, deck)
    done = done_today(user, start, end)
    new_room = max(0, settings.new_per_day - done["new"])
    counts = queue_counts(states, now, start, end, new_room)
    limits = apply_limits(
        settings, done, counts["interday_due"], counts["review_due"], counts["new_available"]
    )
    return TodaysQueue(
        states=states,
        now=now,
        start=start,
        end=end,
        new_left=limits.new,
        learning_left=counts["intraday_today"] + limits.interday,
        review_left=limits.reviews,
        interday_left=limits.interday,
        learning_now=counts["intraday_now"],
        learning_soon=counts["intraday_soon"],
        seed=day_seed(user, today),
        done=done,
        settings=settings,
    )


def next_due(user, after):
    """When the learner's next card (in a studied deck) falls due after `after`."""
    return studied_states(user).filter(due__gt=after).aggregate(at=Min("due"))["at"]


def deck_counts(user, now=None, settings=None):
    """Per studied deck: (deck_id, new, learning, review) left today, the daily limits
    shared across decks as they are in the queue (each deck's share is what the limits
    would give it alone). One grouped query plus the logs."""
    from .services import current_study_settings

    now = now or timezone.now()
    settings = settings or current_study_settings(user)
    clock = clock_of_settings(settings)
    today = clock.day_of(now)
    start, end = clock.bounds(today)
    done = done_today(user, start, end)
    rows = (
        available_states(user, today)
        .values("card__deck_id")
        .annotate(
            new=Count("pk", filter=Q(state=CardStateKind.NEW)),
            intraday=Count("pk", filter=intraday(start) & Q(due__lt=end)),
            interday=Count("pk", filter=interday(start)),
            review=Count("pk", filter=Q(state=CardStateKind.REVIEW, due__lt=end)),
        )
        .order_by()
    )
    counts = {}
    for row in rows:
        limits = apply_limits(settings, done, row["interday"], row["review"], row["new"])
        counts[row["card__deck_id"]] = {
            "new": limits.new,
            "learning": row["intraday"] + limits.interday,
            "review": limits.reviews,
        }
    return counts, done
