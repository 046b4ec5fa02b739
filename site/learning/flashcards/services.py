"""Write paths for studying (docs/architecture.md, "Write paths"): the only code writing
CardState, ReviewLog,
DeckStudy and StudySettings. Every review locks its CardState row, so a double click,
a retry or two tabs rating a card schedule it once; the (user, card, shown_token)
unique constraint makes a second submit of one showing return the first log.
"""

from datetime import date, datetime, timedelta

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from accounts.standing import is_staff_member
from core.fragments import Refused
from core.query import as_id
from learning.courses.models import CoursePage
from learning.enrollments.services import current_enrollment, mark_study_day

from .clock import clock_of_settings
from .models.deck import Deck, DeckPurpose, DeckStudy, Flashcard
from .models.settings import StudySettings
from .models.state import CardState, CardStateKind, Rating, ReviewLog
from .sanitize import clean_card_html
from .scheduler import (
    apply_outcome,
    next_outcomes,
    retrievability,
    scheduler_for,
    state_snapshot,
)

MAX_DURATION_MS = 3_600_000
MAX_TOKEN_LENGTH = 64
NO_SUCH_CARD = "We could not find that card in your study."
NO_SUCH_DECK = "We could not find that deck."
ORAL_REVIEW_DECK_NAME = "Oral review"


class FlashcardError(Refused):
    """Refused: a study request the learner should hear about."""


def _with_user(study_settings, user):
    """Settings that know their (already loaded) user, so the study clock reads the
    learner's time zone without another query."""
    study_settings.user = user
    return study_settings


def current_study_settings(user):
    """The learner's saved settings or unsaved defaults: for reads (pages, counts), which
    must not write a row for every visitor. The signed-in user arrives with their settings
    row already joined (accounts.backends), so pages that only read them ask nothing more."""
    joined = getattr(user, "study_settings_joined", False)
    if joined and StudySettings.user.field.remote_field.is_cached(user):
        found = getattr(user, "study_settings", None)
    else:
        found = StudySettings.objects.filter(user=user).first()
    return _with_user(found, user) if found else StudySettings(user=user)


def study_settings_for(user):
    """The learner's StudySettings, created with the defaults on first use."""
    found = StudySettings.objects.filter(user=user).first()
    if found is not None:
        return _with_user(found, user)
    try:
        with transaction.atomic():
            return StudySettings.objects.create(user=user)
    except IntegrityError:
        return _with_user(StudySettings.objects.get(user=user), user)


def can_study(user, deck):
    """Own decks, public decks, and official decks of live courses the learner is
    enrolled in. Staff may study any course's official deck without enrolling, to check
    what learners see; a learner's own private deck stays theirs alone."""
    if not getattr(user, "is_authenticated", False) or deck is None:
        return False
    if deck.owner_id == user.pk or deck.is_public:
        return True
    if deck.course_id is None:
        return False
    if is_staff_member(user):
        return True
    live = CoursePage.objects.filter(pk=deck.course_id, live=True).exists()
    return live and current_enrollment(user, deck.course_id) is not None


def _new_states(pairs, now):
    """NEW CardStates for (user_id, card_id) pairs; existing rows are left alone."""
    rows = [CardState(user_id=u, card_id=c, state=CardStateKind.NEW, due=now) for u, c in pairs]
    CardState.objects.bulk_create(rows, ignore_conflicts=True, batch_size=2_000)


def _new_states_for_deck(user_id, deck_id, now):
    """One INSERT ... SELECT for a whole deck (bulk_create needs dozens of statements for
    20,000 cards on SQLite); ON CONFLICT DO NOTHING (SQLite and PostgreSQL) skips rows."""
    quote = connection.ops.quote_name
    moment = connection.ops.adapt_datetimefield_value(now)
    sql = (
        f"INSERT INTO {quote(CardState._meta.db_table)} "  # noqa: S608 - names from _meta
        "(user_id, card_id, state, reps, lapses, suspended, due, created_at, updated_at) "
        f"SELECT %s, id, %s, 0, 0, %s, %s, %s, %s FROM {quote(Flashcard._meta.db_table)} "
        "WHERE deck_id = %s ORDER BY position, id ON CONFLICT (user_id, card_id) DO NOTHING"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id, CardStateKind.NEW, False, moment, moment, moment, deck_id])


def start_studying(user, deck, now=None):
    """Add `deck` to the learner's study: a DeckStudy row (not for their own decks) and a
    NEW CardState for every card not yet studied. Safe to repeat."""
    if not can_study(user, deck):
        raise FlashcardError(NO_SUCH_DECK, status=404)
    now = now or timezone.now()
    study = None
    if deck.owner_id != user.pk:
        # One statement that cannot fail on a parallel start (ON CONFLICT DO NOTHING);
        # the read after it finds no row only when a parallel stop came last, and then
        # stopping is what the learner asked for last.
        DeckStudy.objects.bulk_create([DeckStudy(user=user, deck=deck)], ignore_conflicts=True)
        study = DeckStudy.objects.filter(user=user, deck=deck).first()
    _new_states_for_deck(user.pk, deck.pk, now)
    return study


def stop_studying(user, deck):
    """Take a deck out of the learner's queue; their states and logs stay for a return."""
    DeckStudy.objects.filter(user=user, deck=deck).delete()


def states_for_new_cards(cards, now=None):
    """NEW CardStates for freshly created cards: for each deck's owner and every learner
    who studies the deck (called after cards are added or imported)."""
    now = now or timezone.now()
    by_deck = {}
    for card in cards:
        by_deck.setdefault(card.deck_id, []).append(card.pk)
    if not by_deck:
        return
    learners = {deck_id: set() for deck_id in by_deck}
    owners = Deck.objects.filter(pk__in=by_deck, owner__isnull=False).values_list("pk", "owner_id")
    studies = DeckStudy.objects.filter(deck_id__in=by_deck).values_list("deck_id", "user_id")
    for deck_id, user_id in [*owners, *studies]:
        learners[deck_id].add(user_id)
    pairs = [
        (user_id, card_id)
        for deck_id, card_ids in by_deck.items()
        for user_id in learners[deck_id]
        for card_id in card_ids
    ]
    _new_states(pairs, now)


def _rating(value):
    rating = as_id(value)
    if rating not in Rating.values:
        raise FlashcardError("Choose Again, Hard, Good or Easy.", status=400)
    return rating


def _duration(value):
    """Milliseconds spent on the card, at most an hour (None when unknown)."""
    if not isinstance(value, int):
        value = as_id(value) if value is not None else None
    return None if value is None else max(0, min(value, MAX_DURATION_MS))


def _token(value):
    token = str(value or "").replace("\x00", "").strip()
    if len(token) > MAX_TOKEN_LENGTH:
        raise FlashcardError("That card showing is not valid; reload the page.", status=400)
    return token


def own_state(user, card_id, lock=False):
    """The learner's CardState for `card_id`, or a 404 refusal (unknown or someone
    else's card look the same)."""
    pk = as_id(card_id)
    if pk is None or not getattr(user, "is_authenticated", False):
        raise FlashcardError(NO_SUCH_CARD, status=404)
    states = CardState.objects.select_for_update() if lock else CardState.objects
    state = states.filter(user=user, card_id=pk).first()
    if state is None:
        raise FlashcardError(NO_SUCH_CARD, status=404)
    return state


MEMORY_FIELDS = ("state", "step", "stability", "difficulty", "due", "last_review")
SCHEDULE_FIELDS = (*MEMORY_FIELDS, "reps", "lapses", "buried_until", "updated_at")


def _save_state(state, now):
    """Write a CardState's schedule with one UPDATE. Not save(): its post_save signal
    would have Wagtail's reference index inspect the row on every review, tripling
    the queries of the hottest write path."""
    state.updated_at = now
    values = {name: getattr(state, name) for name in SCHEDULE_FIELDS}
    CardState.objects.filter(pk=state.pk).update(**values)


def _schedule(state, scheduler, rating, now):
    """Apply one rating to `state` in memory (the outcome its button showed); return the
    ReviewLog fields it produced."""
    before = state_snapshot(state)
    fields = {
        "rating": rating,
        "reviewed_at": now,
        "state_before": state.state,
        "due_before": state.due,
        "retrievability": retrievability(state, scheduler, now),
        "prior": before,
    }
    outcome = next_outcomes(state, scheduler, now)[Rating(rating)]
    if state.state == CardStateKind.REVIEW and rating == Rating.AGAIN:
        state.lapses += 1
    apply_outcome(state, outcome, now)
    state.reps += 1
    state.buried_until = None
    fields.update(state_after=state.state, due_after=state.due)
    return fields


def review_card(user, card_id, rating, *, shown_token="", duration_ms=None, now=None):
    """Record one rating. Returns (CardState, ReviewLog, created); a repeat of the same
    showing (same shown_token) returns the first log with created=False."""
    rating = _rating(rating)
    token = _token(shown_token)
    now = now or timezone.now()
    with transaction.atomic():
        state = own_state(user, card_id, lock=True)
        if token:
            earlier = ReviewLog.objects.filter(
                user=user, card_id=state.card_id, shown_token=token
            ).first()
            if earlier is not None:
                return state, earlier, False
        if state.suspended:
            raise FlashcardError("This card is suspended.", status=404)
        scheduler = scheduler_for(study_settings_for(user))
        fields = _schedule(state, scheduler, rating, now)
        try:
            with transaction.atomic():
                fields.update(shown_token=token, duration_ms=_duration(duration_ms))
                log = ReviewLog(user=user, card_id=state.card_id, **fields)
                ReviewLog.objects.bulk_create([log])
        except IntegrityError:
            log = ReviewLog.objects.get(user=user, card_id=state.card_id, shown_token=token)
            state.refresh_from_db()
            return state, log, False
        _save_state(state, now)
        mark_study_day(user, at=now)  # flashcard practice keeps the study streak going
    return state, log, True


def _restore(state, snapshot):
    for name in ("state", "step", "stability", "difficulty", "reps", "lapses"):
        setattr(state, name, snapshot[name])
    state.due = datetime.fromisoformat(snapshot["due"])
    last, buried = snapshot["last_review"], snapshot["buried_until"]
    state.last_review = datetime.fromisoformat(last) if last else None
    state.buried_until = date.fromisoformat(buried) if buried else None


def _forget(state):
    """Back to NEW: no memory, no reviews counted."""
    state.state, state.step, state.reps, state.lapses = CardStateKind.NEW, None, 0, 0
    state.stability = state.difficulty = state.last_review = state.buried_until = None


def undo_last_review(user, now=None):
    """Take back the learner's latest review (of the last day): the card returns to
    exactly its prior state and the log is deleted. None when there is nothing to undo."""
    now = now or timezone.now()
    with transaction.atomic():
        log = (
            ReviewLog.objects.select_for_update()
            .filter(user=user, imported=False, reviewed_at__gte=now - timedelta(days=1))
            .order_by("-reviewed_at", "-pk")
            .first()
        )
        if log is None or not log.prior:
            return None
        state = CardState.objects.select_for_update().filter(user=user, card_id=log.card_id).first()
        if state is None:
            return None
        _restore(state, log.prior)
        _save_state(state, now)
        ReviewLog.objects.filter(pk=log.pk).delete()
    return state


def set_suspended(user, card_id, suspended):
    with transaction.atomic():
        state = own_state(user, card_id, lock=True)
        state.suspended = bool(suspended)
        state.save(update_fields=["suspended", "updated_at"])
    return state


def bury(user, card_id, now=None):
    """Hide a card until the learner's next study day."""
    now = now or timezone.now()
    with transaction.atomic():
        state = own_state(user, card_id, lock=True)
        today = clock_of_settings(study_settings_for(user)).day_of(now)
        state.buried_until = today + timedelta(days=1)
        state.save(update_fields=["buried_until", "updated_at"])
    return state


def reset_card(user, card_id, now=None):
    """Forget a card: back to NEW (due now); its review logs stay in the history."""
    now = now or timezone.now()
    with transaction.atomic():
        state = own_state(user, card_id, lock=True)
        _forget(state)
        state.due = now
        _save_state(state, now)
    return state


def _oral_review_deck(user):
    lookup = {"owner": user, "purpose": DeckPurpose.ORAL_REVIEW}
    defaults = {
        "name": ORAL_REVIEW_DECK_NAME,
        "description": "Questions from your mock orals that need another look.",
    }
    try:
        with transaction.atomic():
            deck, _ = Deck.objects.get_or_create(**lookup, defaults=defaults)
    except IntegrityError:
        deck = Deck.objects.get(**lookup)
    return deck


def add_oral_review_card(user, *, front, back, acs_elements=(), now=None):
    """A card in the learner's "Oral review" deck for something a mock oral found weak,
    in LEARNING step 0 due now, so it comes up today whatever the new-card limit."""
    now = now or timezone.now()
    deck = _oral_review_deck(user)
    with transaction.atomic():
        card = Flashcard.objects.create(
            deck=deck,
            front=clean_card_html(front),
            back=clean_card_html(back),
            position=Flashcard.objects.filter(deck=deck).count(),
        )
        if acs_elements:
            card.acs_elements.set(acs_elements)
        CardState.objects.create(
            user=user, card=card, state=CardStateKind.LEARNING, step=0, due=now
        )
    return card


def replay_history(user, card, reviews, now=None):
    """Seed a card's FSRS state from an imported review history ((rating, aware time,
    duration_ms) in time order). The learner's own reviews win: a card already reviewed
    here is left alone, and a second import of the same history replaces the first."""
    now = now or timezone.now()
    scheduler = scheduler_for(study_settings_for(user))
    with transaction.atomic():
        _new_states([(user.pk, card.pk)], now)
        state = CardState.objects.select_for_update().get(user=user, card=card)
        logs = ReviewLog.objects.filter(user=user, card=card)
        if logs.filter(imported=False).exists():
            return state
        logs.delete()
        _forget(state)
        rows = []
        for rating, moment, duration in reviews:
            if rating not in Rating.values or moment is None or timezone.is_naive(moment):
                continue
            fields = _schedule(state, scheduler, rating, moment)
            rows.append(
                ReviewLog(
                    user=user, card=card, imported=True, duration_ms=_duration(duration), **fields
                )
            )
        if rows:
            ReviewLog.objects.bulk_create(rows)
            _save_state(state, now)
    return state


def preview_outcomes(user_or_settings, state, now=None):
    """What each button would give this card now, {Rating: Outcome}; nothing saved. The
    same function as a rating applies (scheduler.next_outcomes)."""
    given = user_or_settings
    settings = given if isinstance(given, StudySettings) else study_settings_for(given)
    return next_outcomes(state, scheduler_for(settings), now or timezone.now())


def update_study_settings(user, fields):
    """Save validated settings fields (the settings form's cleaned_data)."""
    pk = study_settings_for(user).pk
    StudySettings.objects.filter(pk=pk).update(**fields, updated_at=timezone.now())
    return StudySettings.objects.get(pk=pk)


def reset_parameters(user):
    """Back to FSRS's default parameters (forget the optimized ones). The weekly refit
    then leaves the learner alone until they ask for a fit again."""
    fields = {"parameters": [], "parameters_optimized_at": None, "parameters_review_count": None}
    return update_study_settings(user, {**fields, "auto_optimize": False})
