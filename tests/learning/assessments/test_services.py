"""Taking a quiz through the services: the draw, the limits, saving answers, grading, and
what a pass does to the lesson (fixtures in conftest: 5 questions, 3 attempts, 10 min)."""

import datetime
import random

from django.utils import timezone

import pytest

from learning.assessments import services
from learning.assessments.factories import make_assessment, single
from learning.assessments.models import Attempt, AttemptAnswer, Question
from learning.assessments.services import AssessmentError
from learning.enrollments.models import LessonProgress
from learning.enrollments.services import EnrollmentError, complete_lesson

pytestmark = pytest.mark.django_db

T0 = datetime.datetime(2025, 6, 1, 12, 0, tzinfo=datetime.UTC)


def minutes(n):
    return T0 + datetime.timedelta(minutes=n)


def start(user, assessment, at=T0, seed=None):
    rng = random.Random(seed) if seed is not None else None
    attempt, _ = services.start_attempt(user, assessment, now=at, rng=rng)
    return attempt


def answer_for(question, right=True):
    """(choice ids, text) that answers `question` rightly or wrongly."""
    if question.has_choices:
        correct = [c.pk for c in question.choices.all() if c.is_correct]
        wrong = [c.pk for c in question.choices.all() if not c.is_correct]
        return (correct if right else wrong[:1]), ""
    if question.question_type == "numeric":
        return [], str(question.numeric_answer + (0 if right else 5))
    return [], question.accepted_answer_list[0] if right else "something else"


def answer_all(user, attempt, right_count, at=T0):
    """Answer the attempt's questions, the first `right_count` of them rightly."""
    for index, question_id in enumerate(attempt.question_ids):
        question = Question.objects.get(pk=question_id)
        choice_ids, text = answer_for(question, right=index < right_count)
        services.save_answer(user, attempt.pk, question_id, choice_ids, text, now=at)


def finish(user, assessment, at=T0, seed=None):
    attempt = start(user, assessment, at, seed)
    return services.submit_attempt(user, attempt.pk, now=at)


def test_draw_takes_questions_per_attempt_and_fixes_choice_order(assessment, learner, enrolled):
    assessment.questions_per_attempt = 3
    assessment.save()
    attempt = start(learner, assessment, seed=1)
    bank = {q.pk: q for q in assessment.questions.prefetch_related("choices")}
    assert len(attempt.question_ids) == len(set(attempt.question_ids)) == 3
    assert set(attempt.question_ids) <= set(bank)
    assert set(attempt.choice_order) == {str(pk) for pk in attempt.question_ids}
    for key, order in attempt.choice_order.items():
        assert sorted(order) == sorted(c.pk for c in bank[int(key)].choices.all())


def test_order_is_kept_within_an_attempt_and_differs_across_attempts(assessment, learner, enrolled):
    first = start(learner, assessment, seed=1)
    resumed, created = services.start_attempt(learner, assessment, now=minutes(2))
    assert not created
    assert resumed.pk == first.pk
    assert (resumed.question_ids, resumed.choice_order) == (first.question_ids, first.choice_order)
    services.submit_attempt(learner, first.pk, now=minutes(3))
    orders = [first.question_ids]
    for seed in (2, 3):
        attempt = finish(learner, assessment, minutes(5), seed)
        orders.append(attempt.question_ids)
    assert len({tuple(order) for order in orders}) > 1
    assert all(sorted(order) == sorted(orders[0]) for order in orders)


def test_the_same_seed_draws_the_same_and_shuffles_choices(assessment):
    same_seed = [services.draw(assessment, random.Random(7)) for _ in range(2)]
    assert same_seed[0] == same_seed[1]
    bank_order = {
        str(q.pk): [c.pk for c in q.choices.order_by("sort_order")]
        for q in assessment.questions.all()
    }
    shuffled = [services.draw(assessment, random.Random(seed))[1] for seed in range(10)]
    assert any(order != bank_order for order in shuffled)
    assessment.shuffle_choices = assessment.randomize_questions = False
    assessment.save()
    question_ids, order = services.draw(assessment, random.Random(3))
    assert order == bank_order
    assert question_ids == sorted(question_ids, key=list(map(int, bank_order)).index)


def test_attempts_run_out(assessment, learner, enrolled):
    for number in (1, 2, 3):
        assert finish(learner, assessment, minutes(number)).attempt_number == number
    assert services.attempts_left(assessment, services.attempts_used(learner, assessment)) == 0
    with pytest.raises(AssessmentError, match="every attempt") as refused:
        start(learner, assessment, minutes(9))
    assert refused.value.status == 403
    assert Attempt.objects.filter(user=learner).count() == 3


def test_unlimited_attempts(assessment, learner, enrolled):
    assessment.max_attempts = 0
    assessment.save()
    for number in range(5):
        finish(learner, assessment, minutes(number))
    assert services.attempts_left(assessment, 5) is None


def test_minimum_wait_between_attempts(assessment, learner, enrolled):
    assessment.min_wait_minutes = 60
    assessment.save()
    finish(learner, assessment, T0)
    with pytest.raises(AssessmentError, match="try again in 30 minutes") as refused:
        start(learner, assessment, minutes(30))
    assert refused.value.status == 403
    assert start(learner, assessment, minutes(61)).attempt_number == 2


def test_starting_needs_an_enrollment_and_a_live_lesson(assessment, learner, quiz_lesson):
    with pytest.raises(AssessmentError) as not_enrolled:
        start(learner, assessment)
    assert not_enrolled.value.status == 403
    quiz_lesson.live = False
    quiz_lesson.save()
    with pytest.raises(AssessmentError) as unpublished:
        start(learner, assessment)
    assert unpublished.value.status == 404
    assert not Attempt.objects.exists()


def test_deadline_and_auto_submit_when_the_learner_comes_back_late(assessment, learner, enrolled):
    first = start(learner, assessment, T0)
    assert first.deadline == minutes(10)
    second = start(learner, assessment, minutes(11))
    first.refresh_from_db()
    assert second.attempt_number == 2
    assert first.auto_submitted
    assert first.submitted_at == first.deadline
    assert first.time_taken == 600


def test_untimed_quiz_has_no_deadline(assessment, learner, enrolled):
    assessment.time_limit_minutes = 0
    assessment.save()
    attempt = start(learner, assessment)
    assert attempt.deadline is None
    assert not services.is_expired(attempt, minutes(10_000))


def test_saving_again_replaces_the_answer(assessment, learner, enrolled):
    attempt = start(learner, assessment)
    question = Question.objects.get(pk=attempt.question_ids[0])
    services.save_answer(learner, attempt.pk, question.pk, *answer_for(question, False), now=T0)
    services.save_answer(learner, attempt.pk, question.pk, *answer_for(question, True), now=T0)
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 1
    assert services.submit_attempt(learner, attempt.pk, now=T0).score == 1


@pytest.fixture
def attempt(assessment, learner, enrolled):
    return start(learner, assessment)


def first_of(attempt, kind):
    return Question.objects.get(pk__in=attempt.question_ids, question_type=kind)


def test_a_question_outside_the_draw_is_refused(attempt, learner, quiz_lesson):
    other = make_assessment(None, [single("Elsewhere?", "Yes", "No")], title="Other quiz")
    stray = other.questions.get()
    with pytest.raises(AssessmentError, match="not part of this attempt") as refused:
        services.save_answer(learner, attempt.pk, stray.pk, [stray.choices.first().pk], now=T0)
    assert refused.value.status == 400


def test_choices_of_another_question_are_refused(attempt, learner):
    single_q = first_of(attempt, "single")
    foreign = first_of(attempt, "true_false").choices.first()
    with pytest.raises(AssessmentError, match="not one of this question's choices"):
        services.save_answer(learner, attempt.pk, single_q.pk, [foreign.pk], now=T0)
    assert not AttemptAnswer.objects.exists()


def test_two_choices_on_a_single_choice_question_are_refused(attempt, learner):
    single_q = first_of(attempt, "single")
    two = list(single_q.choices.values_list("pk", flat=True)[:2])
    with pytest.raises(AssessmentError, match="Choose one answer"):
        services.save_answer(learner, attempt.pk, single_q.pk, two, now=T0)


def test_answers_after_the_deadline_and_grace_are_refused(attempt, learner):
    question = first_of(attempt, "true_false")
    choice_ids, _ = answer_for(question)
    grace = datetime.timedelta(seconds=services.GRACE_SECONDS)
    services.save_answer(learner, attempt.pk, question.pk, choice_ids, now=attempt.deadline + grace)
    late = attempt.deadline + grace + datetime.timedelta(seconds=1)
    with pytest.raises(AssessmentError, match="Time is up") as refused:
        services.save_answer(learner, attempt.pk, question.pk, [], now=late)
    assert refused.value.status == 403
    assert AttemptAnswer.objects.get().selected_choices == choice_ids


def test_answers_after_submitting_and_resubmitting_are_refused(attempt, learner):
    services.submit_attempt(learner, attempt.pk, now=T0)
    question = first_of(attempt, "numeric")
    with pytest.raises(AssessmentError) as after_submit:
        services.save_answer(learner, attempt.pk, question.pk, [], "29.92", now=T0)
    with pytest.raises(AssessmentError) as resubmit:
        services.submit_attempt(learner, attempt.pk, now=T0)
    assert after_submit.value.status == resubmit.value.status == 409


def test_another_learners_attempt_is_not_found(attempt, other_learner):
    question_id = attempt.question_ids[0]
    for call in (
        lambda: services.save_answer(other_learner, attempt.pk, question_id, [], "x", now=T0),
        lambda: services.submit_attempt(other_learner, attempt.pk, now=T0),
    ):
        with pytest.raises(AssessmentError) as refused:
            call()
        assert refused.value.status == 404
    attempt.refresh_from_db()
    assert not attempt.is_submitted


def lesson_completed(learner, lesson):
    progress = LessonProgress.objects.filter(enrollment__user=learner, lesson=lesson).first()
    return bool(progress and progress.completed)


def test_passing_grades_on_the_server_and_completes_the_lesson(attempt, learner, quiz_lesson):
    answer_all(learner, attempt, right_count=3)
    result = services.submit_attempt(learner, attempt.pk, now=minutes(4))
    assert (result.score, result.max_score, result.percentage) == (3, 5, 60)
    assert result.passed
    assert result.time_taken == 240
    assert AttemptAnswer.objects.filter(attempt=attempt, is_correct=True).count() == 3
    assert lesson_completed(learner, quiz_lesson)


def test_failing_does_not_complete_the_lesson(attempt, learner, quiz_lesson):
    answer_all(learner, attempt, right_count=2)
    result = services.submit_attempt(learner, attempt.pk, now=minutes(4))
    assert (result.percentage, result.passed) == (40, False)
    # Unanswered questions are graded too, as wrong.
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 5
    assert not lesson_completed(learner, quiz_lesson)


def test_points_weigh_the_percentage(attempt, learner):
    heavy = first_of(attempt, "numeric")
    Question.objects.filter(pk=heavy.pk).update(points=6)
    services.save_answer(learner, attempt.pk, heavy.pk, [], "29.925", now=T0)
    result = services.submit_attempt(learner, attempt.pk, now=T0)
    assert (result.score, result.max_score, result.percentage) == (6, 10, 60)


def test_submit_expired_attempts_submits_only_expired_ones_once(
    assessment, learner, other_learner, enrolled, quiz_lesson
):
    from learning.enrollments.factories import enroll

    enroll(other_learner, quiz_lesson.course)
    expired = start(learner, assessment, T0)
    current = start(other_learner, assessment, minutes(5))
    assert services.submit_expired_attempts(now=minutes(11)) == 1
    assert services.submit_expired_attempts(now=minutes(11)) == 0
    expired.refresh_from_db()
    current.refresh_from_db()
    assert expired.auto_submitted
    assert expired.submitted_at == expired.deadline
    assert not current.is_submitted


def test_a_required_quiz_lesson_completes_only_by_passing(assessment, learner, enrolled):
    with pytest.raises(EnrollmentError):
        complete_lesson(learner, assessment.lesson)
    assert not lesson_completed(learner, assessment.lesson)


def test_an_optional_quiz_lesson_can_be_marked_complete(assessment, learner, enrolled):
    assessment.required_for_certificate = False
    assessment.save()
    assert complete_lesson(learner, assessment.lesson).completed


def test_start_without_a_clock_uses_now_and_the_system_random(assessment, learner, enrolled):
    attempt, created = services.start_attempt(learner, assessment)
    assert created
    assert attempt.started_at <= timezone.now() <= attempt.deadline
