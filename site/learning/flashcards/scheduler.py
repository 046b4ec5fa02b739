"""The one bridge between our rows and the ``fsrs`` package (FSRS-6), scheduling as Anki.

fsrs computes the memory model (stability, difficulty, retrievability, the learning
steps); this module adds what Anki does around it:

- Elapsed time is counted in the learner's study days (``clock.StudyClock``), not in
  clock hours: fsrs is handed a last review shifted so that its own day count equals
  the study-day difference. A card due today gives the same result at 08:00 and 20:00.
- Review intervals are whole days and a review card falls due at the start of a study
  day, so "due" means "due day <= today", as Anki's day numbers do. A learning step that
  reaches past the next rollover becomes a day-based (interday) step, as in Anki.
- All four outcomes are computed together (``next_outcomes``): the rating buttons show
  them and a rating applies one of them, so a button always shows what it gives. Fuzz is
  Anki's, seeded per card and review count (``fuzz.py``); for a review card, Hard, Good
  and Easy stay at least a day apart, as in Anki.

fsrs insists on ``datetime.timezone.utc``; NEW is our own state, to fsrs a Learning card
at step 0 with no memory yet.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings

import fsrs

from .clock import clock_of_settings
from .fuzz import fuzz_factor, fuzzed_days
from .models import CardStateKind, Rating

STEP_PATTERN = re.compile(r"^(\d{1,4})([smhd])$")
STEP_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
MAX_STEPS = 8
ONE_DAY = timedelta(days=1)
PASSING = (Rating.HARD, Rating.GOOD, Rating.EASY)


def utc(moment):
    """An aware datetime in ``datetime.timezone.utc`` exactly (fsrs rejects zoneinfo UTC)."""
    return moment.astimezone(UTC)


def parse_steps(text):
    """ "1m 10m 1h" -> [timedelta(minutes=1), ...]; ValueError naming the bad piece."""
    steps = []
    for piece in text.split():
        match = STEP_PATTERN.match(piece.lower())
        if not match or int(match.group(1)) == 0:
            raise ValueError(f"“{piece}” is not a step; use forms like 30s, 10m, 1h or 1d.")
        steps.append(timedelta(**{STEP_UNITS[match.group(2)]: int(match.group(1))}))
    if len(steps) > MAX_STEPS:
        raise ValueError(f"Use at most {MAX_STEPS} steps.")
    return steps


@dataclass(frozen=True)
class StudyScheduler:
    """The learner's fsrs Scheduler (fuzz off: we fuzz deterministically), their study
    clock, and whether to fuzz (``settings.FLASHCARDS_FUZZ``, on unless a test turns it
    off to compare with plain fsrs)."""

    fsrs: fsrs.Scheduler
    clock: object
    fuzz: bool = True

    def interval_days(self, stability):
        """FSRS's next interval in (fractional) days for the desired retention, before
        rounding and fuzz: I = S / FACTOR * (r^(1/DECAY) - 1), DECAY = -w20."""
        decay = -self.fsrs.parameters[20]
        factor = 0.9 ** (1 / decay) - 1
        return stability / factor * (self.fsrs.desired_retention ** (1 / decay) - 1)


def scheduler_for(study_settings, clock=None):
    """The scheduler for these settings; the clock is the settings' learner's unless given."""
    options = {
        "desired_retention": study_settings.desired_retention,
        "learning_steps": parse_steps(study_settings.learning_steps),
        "relearning_steps": parse_steps(study_settings.relearning_steps),
        "enable_fuzzing": False,
    }
    if study_settings.parameters:
        options["parameters"] = tuple(study_settings.parameters)
    return StudyScheduler(
        fsrs=fsrs.Scheduler(**options),
        clock=clock or clock_of_settings(study_settings),
        fuzz=getattr(settings, "FLASHCARDS_FUZZ", True),
    )


def elapsed_days(state, clock, now):
    """Study days since the card's last review (the one elapsed-days function)."""
    return clock.elapsed_days(state.last_review, now)


def to_fsrs(state, clock, now):
    """A CardState as an fsrs.Card (card_id = the Flashcard's primary key) as seen at
    `now`: its last review is placed whole days back, as many as study days elapsed,
    so fsrs's ``(now - last_review).days`` is our elapsed study days."""
    moment = utc(now)
    if state.state == CardStateKind.NEW:
        return fsrs.Card(card_id=state.card_id, state=fsrs.State.Learning, step=0, due=moment)
    last = None
    if state.last_review is not None:
        last = moment - timedelta(days=elapsed_days(state, clock, now))
    return fsrs.Card(
        card_id=state.card_id,
        state=fsrs.State(state.state),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=utc(state.due),
        last_review=last,
    )


def retrievability(state, scheduler, now=None):
    """Predicted probability of recall at `now` (0 for a card never reviewed), from the
    study days elapsed since the last review."""
    if state.state == CardStateKind.NEW or state.last_review is None or not state.stability:
        return 0.0
    moment = utc(now or datetime.now(UTC))
    card = to_fsrs(state, scheduler.clock, moment)
    return float(scheduler.fsrs.get_card_retrievability(card, moment))


def format_interval(delta):
    """A button label: "1m", "10m", "3h", "3d", "2.5mo", "1.2y"."""
    seconds = max(0, delta.total_seconds())
    if seconds < 3_600:
        return f"{max(1, round(seconds / 60))}m"
    if seconds < 86_400:
        return f"{round(seconds / 3_600)}h"
    days = seconds / 86_400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{round(days / 30, 1):g}mo"
    return f"{round(days / 365, 1):g}y"


@dataclass(frozen=True)
class Outcome:
    """What one rating does to a card: its memory afterwards and when it is due. ``days``
    is set for a day-based due (review cards, interday steps): due at the start of the
    study day ``days`` after today; otherwise ``delta`` is the intraday step."""

    rating: int
    state: int
    step: object
    stability: float
    difficulty: float
    due: datetime
    days: object = None
    delta: timedelta = timedelta(0)

    @property
    def label(self):
        if self.days is not None:
            return format_interval(timedelta(days=self.days))
        return format_interval(self.delta)


def _day_due(clock, today, days):
    return clock.start_of(today + timedelta(days=days))


def _step_outcome(rating, card, clock, now):
    """A (re)learning step; past the next rollover it becomes whole study days (Anki:
    days = (step - time left today) // 1 day + 1)."""
    delta = card.due - utc(now)
    today = clock.day_of(now)
    left_today = clock.start_of(today + ONE_DAY) - utc(now)
    memory = (card.state.value, card.step, card.stability, card.difficulty)
    if delta >= left_today:
        days = (delta - left_today) // ONE_DAY + 1
        return Outcome(rating, *memory, due=_day_due(clock, today, days), days=days)
    return Outcome(rating, *memory, due=utc(now) + delta, delta=delta)


def next_outcomes(state, scheduler, now):
    """{Rating: Outcome} for every button at `now`. The same function gives the labels
    and the applied result, so they cannot differ."""
    moment = utc(now)
    clock = scheduler.clock
    card = to_fsrs(state, clock, moment)
    today = clock.day_of(moment)
    factor = fuzz_factor(state.card_id, state.reps) if scheduler.fuzz else None
    maximum = scheduler.fsrs.maximum_interval
    outcomes = {}
    minimum = 1
    for rating in Rating:
        after, _ = scheduler.fsrs.review_card(card, fsrs.Rating(rating.value), moment)
        if after.state != fsrs.State.Review:
            outcomes[rating] = _step_outcome(rating, after, clock, moment)
            continue
        raw = scheduler.interval_days(after.stability)
        days = fuzzed_days(raw, minimum, maximum, factor)
        if state.state == CardStateKind.REVIEW and rating in PASSING:
            minimum = days + 1  # Anki: good > hard, easy > good for a review card
        outcomes[rating] = Outcome(
            rating,
            after.state.value,
            None,
            after.stability,
            after.difficulty,
            due=_day_due(clock, today, days),
            days=days,
        )
    return outcomes


def apply_outcome(state, outcome, now):
    """Copy an Outcome onto a CardState (not saved)."""
    state.state = outcome.state
    state.step = outcome.step
    state.stability = outcome.stability
    state.difficulty = outcome.difficulty
    state.due = outcome.due
    state.last_review = now


def state_snapshot(state):
    """Everything undo needs to put a CardState back exactly (JSON-safe)."""
    return {
        "state": state.state,
        "step": state.step,
        "stability": state.stability,
        "difficulty": state.difficulty,
        "due": state.due.isoformat(),
        "last_review": state.last_review.isoformat() if state.last_review else None,
        "reps": state.reps,
        "lapses": state.lapses,
        "buried_until": state.buried_until.isoformat() if state.buried_until else None,
    }
