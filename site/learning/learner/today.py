"""The dashboard's "Today": the few things worth doing now, each one button.

A learner who opens the dashboard should not have to read it to know where to go: cards
due, the next lesson, a failed quiz they may retake, a mock oral left half done. Each
helper here answers one of those from rows the dashboard already loads, plus at most
one query, so the page stays flat however many courses, quizzes or cards there are.
"""

from dataclasses import dataclass

from django.db.models import Count, F, Q

from learning.assessments.models import Attempt
from learning.orals.models import MockOralSession


@dataclass
class NextLesson:
    course: object
    lesson: object
    started: bool  # a lesson of the course is done already: "Continue", not "Start"


@dataclass
class Today:
    cards_due: int = 0
    next_lesson: NextLesson | None = None
    quiz_to_retake: object = None  # the quiz's LessonPage (the quiz starts from there)
    oral_to_finish: MockOralSession | None = None

    def __bool__(self):
        return bool(
            self.cards_due or self.next_lesson or self.quiz_to_retake or self.oral_to_finish
        )


def next_lesson(courses):
    """The next lesson of the most recently studied course that has one.

    `courses` is the dashboard's [(enrollment, LearnerProgress)], newest activity first."""
    for enrollment, progress in courses:
        if not progress.is_complete and progress.next_lesson is not None:
            return NextLesson(enrollment.course, progress.next_lesson, progress.completed_count > 0)
    return None


def quiz_to_retake(user, courses):
    """The first required quiz, in learning order, that the learner failed, has not
    passed since and may still attempt (one query over every unfinished lesson)."""
    lessons = [
        lesson
        for enrollment, progress in courses
        if not progress.is_complete
        for lesson in progress.remaining
        if lesson.is_visible_to(progress.tier)
    ]
    if not lessons:
        return None
    rows = (
        Attempt.objects.filter(
            user=user,
            assessment__lesson__in=[lesson.pk for lesson in lessons],
            assessment__required_for_certificate=True,
        )
        .values("assessment__lesson_id", "assessment__max_attempts")
        .annotate(
            used=Count("pk"),
            failed=Count("pk", filter=Q(passed=False)),
            passed=Count("pk", filter=Q(passed=True)),
        )
    )
    retakes = {
        row["assessment__lesson_id"]
        for row in rows
        if row["failed"]
        and not row["passed"]
        and (not row["assessment__max_attempts"] or row["used"] < row["assessment__max_attempts"])
    }
    return next((lesson for lesson in lessons if lesson.pk in retakes), None)


def mock_orals(user):
    """(the open mock oral, the latest finished one), in one query.

    A learner has at most one open session (orals.services), so ordering by completion
    time with the open one first puts it, then the newest finished one, in two rows."""
    rows = list(
        MockOralSession.objects.filter(user=user)
        .only("pk", "score", "completed_at", "started_at", "acs_type")
        .order_by(F("completed_at").desc(nulls_first=True), "-pk")[:2]
    )
    open_session = next((row for row in rows if row.completed_at is None), None)
    finished = next((row for row in rows if row.completed_at is not None), None)
    return open_session, finished
