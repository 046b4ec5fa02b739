"""Parallel requests cannot exceed the attempts allowed or grade an attempt twice
(PostgreSQL only: SQLite serialises every write, so it cannot show a race)."""

from learning.assessments import services
from learning.assessments.models import Attempt, AttemptAnswer, Question
from learning.enrollments.models import ActivityType, UserActivity
from tests.races import POSTGRES_RACES, in_parallel

pytestmark = POSTGRES_RACES

STARTS = 20
SUBMITS = 10


def test_parallel_starts_never_exceed_the_attempts_allowed(assessment, learner, enrolled):
    """Each thread takes attempts (start, then submit) until it is refused; however the
    starts interleave, exactly `max_attempts` attempts exist, numbered 1..3."""

    def take_attempts(_):
        created_here, refusals = 0, set()
        while True:
            try:
                attempt, created = services.start_attempt(learner, assessment)
            except services.AssessmentError as refused:
                return created_here, refusals | {("start", refused.status)}
            created_here += created
            try:
                services.submit_attempt(learner, attempt.pk)
            except services.AssessmentError as refused:
                # Another thread resumed the same open attempt and submitted it first.
                refusals.add(("submit", refused.status))

    results = in_parallel(STARTS, take_attempts, catch=Exception)
    assert not [result for result in results if isinstance(result, BaseException)]
    assert sum(created for created, _ in results) == assessment.max_attempts == 3
    refusals = set().union(*(refused for _, refused in results))
    assert refusals <= {("start", 403), ("submit", 409)}
    numbers = sorted(
        Attempt.objects.filter(user=learner, assessment=assessment).values_list(
            "attempt_number", flat=True
        )
    )
    assert numbers == [1, 2, 3]


def test_parallel_submits_grade_an_attempt_once(assessment, learner, enrolled, quiz_lesson):
    attempt, _ = services.start_attempt(learner, assessment)
    for question in Question.objects.filter(pk__in=attempt.question_ids):
        right = [choice.pk for choice in question.choices.all() if choice.is_correct]
        text = question.accepted_answer_list[0] if question.accepted_answer_list else ""
        if question.question_type == "numeric":
            text = str(question.numeric_answer)
        services.save_answer(learner, attempt.pk, question.pk, right, text)

    results = in_parallel(
        SUBMITS, lambda _: services.submit_attempt(learner, attempt.pk), catch=Exception
    )

    graded = [result for result in results if isinstance(result, Attempt)]
    refused = [result for result in results if isinstance(result, services.AssessmentError)]
    assert len(graded) == 1
    assert len(refused) == SUBMITS - 1
    assert all(error.status == 409 for error in refused)
    attempt.refresh_from_db()
    assert (attempt.score, attempt.percentage, attempt.passed) == (5, 100, True)
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == len(attempt.question_ids)
    completions = UserActivity.objects.filter(
        user=learner, lesson=quiz_lesson, type=ActivityType.LESSON_COMPLETED
    )
    assert completions.count() == 1
