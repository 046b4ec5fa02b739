"""Finished work to give feedback on: a submitted quiz attempt in the `team` course and a
completed mock oral, stored as the quiz and oral services leave them."""

from decimal import Decimal

from django.utils import timezone

from learning.acs.factories import make_tree
from learning.acs.models import AcsElement, AcsStandard
from learning.assessments.factories import make_assessment, single
from learning.assessments.models import Attempt, AttemptAnswer
from learning.enrollments.factories import live_lessons
from learning.orals.models import MockOralItem, MockOralSession


def quiz_in(course, show_results=True):
    questions = [single("Class B ceiling?", "10,000 ft", "18,000 ft"), single("VFR?", "Yes", "No")]
    return make_assessment(
        live_lessons(course)[0],
        questions,
        title="Airspace quiz",
        show_results_immediately=show_results,
    )


def submitted_attempt(user, quiz, number=1):
    questions = list(quiz.questions.order_by("sort_order"))
    now = timezone.now()
    attempt = Attempt.objects.create(
        user=user,
        assessment=quiz,
        attempt_number=number,
        question_ids=[q.pk for q in questions],
        started_at=now,
        submitted_at=now,
        score=Decimal("1"),
        max_score=Decimal("2"),
        percentage=Decimal("50"),
        passed=False,
    )
    for index, question in enumerate(questions):
        right = question.choices.get(is_correct=True)
        AttemptAnswer.objects.create(
            attempt=attempt,
            question=question,
            selected_choices=[right.pk] if index == 0 else [],
            is_correct=index == 0,
            points_earned=Decimal(1 if index == 0 else 0),
        )
    return attempt


def completed_oral(user):
    standard = AcsStandard.objects.first() or make_tree(
        areas=1, tasks=1, knowledge=2, risks=0, skills=0
    )
    now = timezone.now()
    session = MockOralSession.objects.create(
        user=user,
        standard=standard,
        acs_type="Private Pilot Airplane",
        started_at=now,
        completed_at=now,
        score=50,
    )
    session.tasks.set(standard.areas.get().tasks.all())
    for order, element in enumerate(AcsElement.objects.filter(task__area__standard=standard)):
        MockOralItem.objects.create(
            session=session, element=element, order=order, grade="unsatisfactory"
        )
    return session
