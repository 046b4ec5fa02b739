"""The one bridge between our rows and the ``fsrs`` package (FSRS-6).

Every scheduling decision goes through ``fsrs.Scheduler``; this module only converts:
CardState <-> ``fsrs.Card`` (always in ``datetime.timezone.utc``, which fsrs insists on),
StudySettings -> ``fsrs.Scheduler``. NEW is our own state: to fsrs it is a Learning card
at step 0 with no memory yet.
"""

import re
from datetime import UTC, datetime, timedelta

from django.conf import settings

import fsrs

from .models import CardStateKind

STEP_PATTERN = re.compile(r"^(\d{1,4})([smhd])$")
STEP_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}
MAX_STEPS = 8


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


def scheduler_for(study_settings):
    """The learner's fsrs Scheduler: their retention, steps and (optimized) parameters.

    Fuzzing follows ``settings.FLASHCARDS_FUZZ`` (on in production, off in tests so a
    test can compare our service with fsrs on the same inputs).
    """
    options = {
        "desired_retention": study_settings.desired_retention,
        "learning_steps": parse_steps(study_settings.learning_steps),
        "relearning_steps": parse_steps(study_settings.relearning_steps),
        "enable_fuzzing": getattr(settings, "FLASHCARDS_FUZZ", True),
    }
    if study_settings.parameters:
        options["parameters"] = tuple(study_settings.parameters)
    return fsrs.Scheduler(**options)


def to_fsrs(state):
    """A CardState as an fsrs.Card (card_id = the Flashcard's primary key)."""
    if state.state == CardStateKind.NEW:
        return fsrs.Card(
            card_id=state.card_id, state=fsrs.State.Learning, step=0, due=utc(state.due)
        )
    return fsrs.Card(
        card_id=state.card_id,
        state=fsrs.State(state.state),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=utc(state.due),
        last_review=utc(state.last_review) if state.last_review else None,
    )


def apply_fsrs(state, card):
    """Copy an fsrs.Card's memory onto a CardState (not saved)."""
    state.state = int(card.state.value)
    state.step = card.step
    state.stability = card.stability
    state.difficulty = card.difficulty
    state.due = card.due
    state.last_review = card.last_review


def retrievability(state, scheduler, now=None):
    """Predicted probability of recall now (0 for a card never reviewed)."""
    if state.state == CardStateKind.NEW or state.last_review is None:
        return 0.0
    moment = utc(now or datetime.now(UTC))
    return float(scheduler.get_card_retrievability(to_fsrs(state), moment))


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
