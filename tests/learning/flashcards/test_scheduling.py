"""review_card keeps fsrs's memory model; review cards fall due at a study day's start."""

import datetime

import fsrs
import pytest

from learning.flashcards import services
from learning.flashcards.clock import StudyClock
from learning.flashcards.models import CardState, CardStateKind, Rating, ReviewLog
from learning.flashcards.scheduler import format_interval

from .conftest import NOON

RATINGS_AND_GAPS = [
    (3, datetime.timedelta(0)),
    (3, datetime.timedelta(minutes=1)),
    (3, datetime.timedelta(minutes=10)),
    (3, datetime.timedelta(days=3)),
    (1, datetime.timedelta(days=9)),
    (3, datetime.timedelta(minutes=10)),
    (2, datetime.timedelta(days=2)),
    (4, datetime.timedelta(days=5)),
]


def test_memory_matches_fsrs_and_reviews_fall_due_at_the_rollover(learner, card):
    # Every review is around noon UTC (the learner's zone), so clock days and study days
    # agree and the memory must be exactly fsrs's. A review card is due at 04:00 of its
    # day, fsrs's interval in days, or more where Anki keeps Good a day past Hard and
    # Easy a day past Good.
    clock = StudyClock(datetime.UTC, 4)
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    expected = fsrs.Card(card_id=card.pk)
    moment = NOON
    for rating, gap in RATINGS_AND_GAPS:
        moment += gap
        before = CardState.objects.get(user=learner, card=card)
        shown = services.preview_outcomes(learner, before, now=moment)[rating]
        expected, _ = scheduler.review_card(expected, fsrs.Rating(rating), moment)
        state, log, created = services.review_card(learner, card.pk, rating, now=moment)
        assert created
        assert state.state == expected.state.value
        assert state.step == expected.step
        assert state.stability == pytest.approx(expected.stability)
        assert state.difficulty == pytest.approx(expected.difficulty)
        assert state.due == log.due_after == shown.due
        if expected.state == fsrs.State.Review:
            fsrs_days = (expected.due - moment).days
            assert fsrs_days <= shown.days <= fsrs_days + 2
            assert state.due == clock.start_of(moment.date() + datetime.timedelta(shown.days))
        else:
            assert state.due == expected.due
    stored = CardState.objects.get(user=learner, card=card)
    assert stored.reps == len(RATINGS_AND_GAPS)
    assert stored.lapses == 1


def test_log_records_before_and_after_and_predicted_recall(learner, card):
    services.review_card(learner, card.pk, 4, now=NOON)
    later = NOON + datetime.timedelta(days=4)
    _, log, _ = services.review_card(learner, card.pk, 3, duration_ms=99_999_999, now=later)
    assert log.state_before == CardStateKind.REVIEW
    assert log.state_after == CardStateKind.REVIEW
    assert 0.5 < log.retrievability < 1
    assert log.duration_ms == services.MAX_DURATION_MS
    assert log.prior["reps"] == 1


def test_lower_retention_spaces_reviews_further_apart(learner, card):
    settings = services.study_settings_for(learner)
    settings.desired_retention = 0.75
    settings.save()
    state, _, _ = services.review_card(learner, card.pk, 4, now=NOON)
    default = fsrs.Scheduler(enable_fuzzing=False).review_card(
        fsrs.Card(card_id=card.pk), fsrs.Rating.Easy, NOON
    )[0]
    assert state.due > default.due


def test_preview_labels_match_what_each_rating_then_gives(learner, card):
    state = CardState.objects.get(user=learner, card=card)
    outcomes = services.preview_outcomes(learner, state, now=NOON)
    labels = {rating: outcome.label for rating, outcome in outcomes.items()}
    assert labels[Rating.AGAIN] == "1m"
    assert labels[Rating.GOOD] == "10m"
    reviewed, _, _ = services.review_card(learner, card.pk, 4, now=NOON)
    assert reviewed.due == outcomes[Rating.EASY].due
    assert labels[Rating.EASY] == f"{outcomes[Rating.EASY].days}d"
    assert not ReviewLog.objects.filter(rating=1).exists()


@pytest.mark.parametrize(
    ("delta", "label"),
    [
        (datetime.timedelta(seconds=20), "1m"),
        (datetime.timedelta(minutes=10), "10m"),
        (datetime.timedelta(hours=3), "3h"),
        (datetime.timedelta(days=3), "3d"),
        (datetime.timedelta(days=75), "2.5mo"),
        (datetime.timedelta(days=438), "1.2y"),
    ],
)
def test_interval_labels(delta, label):
    assert format_interval(delta) == label


def test_replay_history_seeds_state_and_is_idempotent(learner, card):
    history = [
        (3, NOON - datetime.timedelta(days=30), 4000),
        (9, NOON - datetime.timedelta(days=29), 100),
        (3, NOON - datetime.timedelta(days=20), 3000),
    ]
    services.replay_history(learner, card, history)
    state = services.replay_history(learner, card, history)
    assert state.reps == 2
    assert state.state != CardStateKind.NEW
    assert ReviewLog.objects.filter(card=card, imported=True).count() == 2
    services.review_card(learner, card.pk, 3, now=NOON)
    services.replay_history(learner, card, history[:1])
    assert ReviewLog.objects.filter(card=card).count() == 3


def test_oral_review_card_is_due_today_even_past_the_new_limit(learner):
    settings = services.study_settings_for(learner)
    settings.new_per_day = 0
    settings.save()
    card = services.add_oral_review_card(learner, front="What is <b>VX</b>?", back="Best angle")
    again = services.add_oral_review_card(learner, front="VY?", back="Best rate")
    assert card.deck_id == again.deck_id
    assert card.deck.name == "Oral review"
    from learning.flashcards.queue import todays_queue

    queue = todays_queue(learner)
    assert queue.learning_left == 2
    assert queue.next_state().card_id == card.pk


def test_a_review_counts_as_a_study_day_for_the_streak(learner, card):
    from learning.enrollments.models import StudyDay

    assert not StudyDay.objects.filter(user=learner).exists()
    services.review_card(learner, card.pk, 3, now=NOON)
    services.review_card(learner, card.pk, 3, now=NOON + datetime.timedelta(minutes=1))
    assert list(StudyDay.objects.filter(user=learner).values_list("date", flat=True)) == [
        NOON.date()
    ]
