"""The nightly snapshots: right figures on a small hand-built course, idempotent, equal to
a fresh recomputation, dated as the records stood, and a query count flat in learners."""

import datetime
from decimal import Decimal

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from accounts.factories import UserFactory
from community.reviews.models import Review
from learning.assessments.factories import make_assessment, single
from learning.assessments.models import Attempt
from learning.courses.factories import build_course, make_catalog
from learning.enrollments.factories import complete, enroll, live_lessons
from learning.enrollments.models import Enrollment, LessonProgress
from learning.flashcards import services as cards
from learning.flashcards.factories import DeckFactory, FlashcardFactory
from learning.instructors.analytics.snapshots import take_snapshots
from learning.instructors.analytics.tasks import take_nightly_snapshots
from learning.instructors.factories import instructor
from learning.instructors.models import (
    CourseSnapshot,
    InstructorSnapshot,
    LearnerSnapshot,
    PlatformSnapshot,
)

pytestmark = pytest.mark.django_db
MODELS = (CourseSnapshot, InstructorSnapshot, LearnerSnapshot, PlatformSnapshot)


def today():
    return timezone.now().astimezone(datetime.UTC).date()


def rows():
    """Every snapshot row, without the id and the time it was computed."""
    found = []
    for model in MODELS:
        for row in model.objects.order_by("pk").values():
            row.pop("id")
            row.pop("computed_at")
            found.append((model.__name__, row))
    return sorted(found, key=repr)


def attempt(user, assessment, percentage):
    return Attempt.objects.create(
        user=user,
        assessment=assessment,
        attempt_number=1,
        submitted_at=timezone.now(),
        percentage=Decimal(percentage),
        passed=percentage >= 70,
    )


@pytest.fixture
def small(db):
    """Four lessons; Ann did one, reviewed four cards (one "Again"), scored 60%; Bob did
    all four and scored 90%; Bob's 4-star review is approved, Ann's 2-star is not."""
    course = build_course(make_catalog(), modules=1, lessons_per_module=4, title="Small")
    lessons = live_lessons(course)
    lead = instructor(course)
    ann, bob = UserFactory(first_name="Ann"), UserFactory(first_name="Bob")
    enroll(ann, course)
    enroll(bob, course)
    complete(ann, lessons[:1])
    complete(bob, lessons)
    quiz = make_assessment(lessons[0], [single("Class B?", "Yes", "No")])
    attempt(ann, quiz, 60)
    attempt(bob, quiz, 90)
    Review.objects.create(user=bob, course=course, rating=4, title="Good", is_approved=True)
    Review.objects.create(user=ann, course=course, rating=2, title="Meh", is_approved=False)
    deck = DeckFactory(owner=ann)
    flashcards = [FlashcardFactory(deck=deck) for _ in range(4)]
    cards.start_studying(ann, deck)
    for card, rating in zip(flashcards, (1, 3, 3, 3), strict=True):
        cards.review_card(ann, card.pk, rating, duration_ms=6_000)
    return course, lead, ann, bob, lessons


def test_course_figures_on_a_small_course(small):
    course, _, _, _, lessons = small
    take_snapshots(today())
    snap = CourseSnapshot.objects.get(course=course, day=today())
    assert (snap.enrollments, snap.new_enrollments, snap.active_learners) == (2, 2, 2)
    assert (snap.completions, snap.completion_rate) == (1, Decimal("50.00"))
    assert snap.average_progress == Decimal("62.50")  # (1 + 4) of 2 x 4 lessons
    assert snap.average_quiz_score == Decimal("75.00")
    assert (snap.average_rating, snap.rating_count) == (Decimal("4.00"), 1)
    assert [(row["title"], row["reached"], row["completed"]) for row in snap.lesson_dropoff] == [
        ("Lesson 1.1", 2, 2),
        ("Lesson 1.2", 1, 1),
        ("Lesson 1.3", 1, 1),
        ("Lesson 1.4", 1, 1),
    ]
    assert snap.lesson_dropoff[0]["lesson_id"] == lessons[0].pk


def test_learner_instructor_and_platform_figures(small):
    _course, lead, ann, bob, _ = small
    take_snapshots(today())
    ann_row = LearnerSnapshot.objects.get(learner=ann, day=today())
    assert (ann_row.lessons_completed, ann_row.courses_completed) == (1, 0)
    assert (ann_row.cards_reviewed, ann_row.retention) == (4, Decimal("75.00"))
    assert ann_row.average_score == Decimal("60.00")
    assert ann_row.streak_days == 1
    assert ann_row.hours == Decimal("0.01")  # 24 seconds of review
    bob_row = LearnerSnapshot.objects.get(learner=bob, day=today())
    assert (bob_row.lessons_completed, bob_row.courses_completed) == (4, 1)
    assert (bob_row.cards_reviewed, bob_row.retention) == (0, None)
    team = InstructorSnapshot.objects.get(instructor=lead, day=today())
    assert (team.total_students, team.total_courses, team.total_reviews) == (2, 1, 1)
    assert (team.average_rating, team.completion_rate) == (Decimal("4.00"), Decimal("50.00"))
    assert (team.students_at_risk, team.endorsements_given) == (0, 0)
    platform = PlatformSnapshot.objects.get(day=today())
    assert (platform.total_enrollments, platform.total_students) == (2, 2)
    assert (platform.total_lessons_completed, platform.cards_reviewed) == (5, 4)
    assert (platform.total_instructors, platform.active_learners) == (1, 2)


def test_running_twice_or_afresh_gives_the_same_rows(small):
    take_snapshots(today())
    first = rows()
    take_snapshots(today())
    assert rows() == first
    for model in MODELS:
        model.objects.all().delete()
    take_snapshots(today())
    assert rows() == first
    assert len(first) == 1 + 1 + 2 + 1  # course, instructor, two learners, platform


def test_a_past_day_counts_only_what_had_happened_by_then(small):
    course, *_ = small
    yesterday = today() - datetime.timedelta(days=1)
    take_snapshots(yesterday)
    snap = CourseSnapshot.objects.get(course=course, day=yesterday)
    assert (snap.enrollments, snap.completions, snap.average_quiz_score) == (0, 0, None)
    assert PlatformSnapshot.objects.get(day=yesterday).total_lessons_completed == 0


def test_a_future_day_is_refused(db):
    with pytest.raises(ValueError, match="has not happened"):
        take_snapshots(today() + datetime.timedelta(days=1))


def test_the_task_and_the_backfill_command_write_each_day(small, capsys):
    result = take_nightly_snapshots.delay(today().isoformat()).get()
    assert result["courses"] == 1
    call_command("take_snapshots", "--day", today().isoformat(), "--days", "3")
    assert PlatformSnapshot.objects.count() == 3
    assert "courses" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["--day", "31/01/2025"], ["--days", "0"]])
def test_the_command_refuses_bad_arguments(db, args):
    from django.core.management.base import CommandError

    with pytest.raises((CommandError, SystemExit)):
        call_command("take_snapshots", *args)


def add_learners(course, count):
    """`count` learners enrolled in `course`, each with its first lesson done (rows
    written in bulk: the services' path is covered above, this is about volume)."""
    lesson = live_lessons(course)[0]
    now = timezone.now()
    users = UserFactory.create_batch(count)
    enrollments = Enrollment.objects.bulk_create(
        [Enrollment(user=user, course=course, enrolled_date=now) for user in users]
    )
    LessonProgress.objects.bulk_create(
        [
            LessonProgress(
                enrollment=e, lesson=lesson, completed=True, completed_date=now, time_spent=60
            )
            for e in enrollments
        ]
    )


def count_snapshot_queries():
    with CaptureQueriesContext(connection) as queries:
        take_snapshots(today())
    return len(queries)


def test_the_query_count_is_flat_in_learners(db):
    course = build_course(make_catalog(), title="Busy")
    instructor(course)
    add_learners(course, 3)
    at_three = count_snapshot_queries()
    add_learners(course, 37)
    at_forty = count_snapshot_queries()
    assert LearnerSnapshot.objects.count() == 40
    assert at_three == at_forty
    assert at_forty <= 48  # 45 today: grouped reads, upserts, and the roster risk rule
