"""Write paths for quizzes (docs/architecture.md, "Write paths"): start, save an answer,
submit, auto-submit.

The learner's enrollment row is locked while an attempt starts, so parallel starts
cannot exceed the attempts allowed; the attempt row is locked while an answer is
saved or the attempt submitted, so a late autosave cannot slip in after grading.
Which questions and in which order are fixed at the start and never change.
"""

import contextlib
import datetime
import logging
import random

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from core.fragments import Refused
from core.query import as_id
from learning.courses.models import LessonPage
from learning.enrollments import services as enrollments

from . import notifying
from .grading import grade
from .models import Attempt, AttemptAnswer, Question

logger = logging.getLogger(__name__)

# Answers may arrive this long after the deadline (a slow network at the last second).
GRACE_SECONDS = 30
MAX_TEXT_ANSWER = 500


class AssessmentError(Refused):
    """Refused: a quiz request the learner should hear about."""


def attempts_used(user, assessment):
    return Attempt.objects.filter(user=user, assessment=assessment).count()


def attempts_left(assessment, used):
    """How many more attempts a learner has, or None when unlimited."""
    if not assessment.max_attempts:
        return None
    return max(0, assessment.max_attempts - used)


def is_expired(attempt, now=None, grace=GRACE_SECONDS):
    now = now or timezone.now()
    return attempt.deadline is not None and now > attempt.deadline + datetime.timedelta(
        seconds=grace
    )


def _lesson_enrollment(user, assessment, lock):
    lesson = assessment.lesson
    if lesson is None or not lesson_is_open(lesson):
        raise AssessmentError("This quiz is not open yet.", status=404)
    try:
        return enrollments.enrollment_for_lesson(user, lesson, lock=lock)
    except enrollments.EnrollmentError as error:
        message = error.message
        if message == enrollments.NOT_ENROLLED:
            message = "Enroll in the course to take this quiz."
        raise AssessmentError(message, error.status) from None


def lesson_is_open(lesson):
    """Live, and not behind a Wagtail view restriction (password, login or groups)."""

    return LessonPage.objects.live().public().filter(pk=lesson.pk).exists()


def draw(assessment, rng):
    """(question ids, {question id: choice ids}) for a new attempt."""
    questions = list(assessment.questions.prefetch_related("choices").order_by("sort_order"))
    count = assessment.questions_per_attempt or len(questions)
    if assessment.randomize_questions:
        rng.shuffle(questions)
        drawn = questions[:count]
    else:
        keep = set(rng.sample(range(len(questions)), min(count, len(questions))))
        drawn = [q for index, q in enumerate(questions) if index in keep]
    order = {}
    for question in drawn:
        ids = [choice.pk for choice in sorted(question.choices.all(), key=lambda c: c.sort_order)]
        if assessment.shuffle_choices:
            rng.shuffle(ids)
        order[str(question.pk)] = ids
    return [question.pk for question in drawn], order


def open_attempt(user, assessment, now=None):
    """The learner's unsubmitted, unexpired attempt, if any (it resumes)."""
    attempt = Attempt.objects.filter(user=user, assessment=assessment, submitted_at=None).first()
    if attempt is not None and is_expired(attempt, now):
        submit_attempt(user, attempt.pk, now=now, auto=True)
        return None
    return attempt


def start_attempt(user, assessment, ip_address=None, user_agent="", now=None, rng=None):
    """A new attempt with its draw and deadline fixed, or the open one to resume."""
    now = now or timezone.now()
    rng = rng or random.SystemRandom()
    with transaction.atomic():
        _lesson_enrollment(user, assessment, lock=True)
        current = open_attempt(user, assessment, now)
        if current is not None:
            return current, False
        used = attempts_used(user, assessment)
        if attempts_left(assessment, used) == 0:
            raise AssessmentError("You have used every attempt at this quiz.", status=403)
        last = Attempt.objects.filter(user=user, assessment=assessment).aggregate(
            last=Max("submitted_at")
        )["last"]
        wait = datetime.timedelta(minutes=assessment.min_wait_minutes)
        if last is not None and assessment.min_wait_minutes and now < last + wait:
            minutes = max(1, round((last + wait - now).total_seconds() / 60))
            raise AssessmentError(
                f"You can try again in {minutes} minute{'s' if minutes != 1 else ''}.", status=403
            )
        question_ids, choice_order = draw(assessment, rng)
        if not question_ids:
            raise AssessmentError("This quiz has no questions yet.", status=404)
        deadline = (
            now + datetime.timedelta(minutes=assessment.time_limit_minutes)
            if assessment.is_timed
            else None
        )
        attempt = Attempt.objects.create(
            user=user,
            assessment=assessment,
            attempt_number=used + 1,
            question_ids=question_ids,
            choice_order=choice_order,
            started_at=now,
            deadline=deadline,
            ip_address=ip_address,
            user_agent=(user_agent or "")[:300],
        )
    return attempt, True


def own_attempt(user, attempt_id, lock=False):
    attempts = Attempt.objects.select_for_update() if lock else Attempt.objects
    attempt = attempts.filter(pk=attempt_id, user_id=getattr(user, "pk", None)).first()
    if attempt is None:
        raise AssessmentError("We could not find that attempt.", status=404)
    return attempt


def save_answer(user, attempt_id, question_id, choice_ids=(), text_answer="", now=None):
    """Save (or replace) the answer to one drawn question of an open attempt."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt = own_attempt(user, attempt_id, lock=True)
        if attempt.is_submitted:
            raise AssessmentError("This attempt was already submitted.", status=409)
        if is_expired(attempt, now):
            raise AssessmentError("Time is up: answers after the deadline are not saved.", 403)
        if question_id not in attempt.question_ids:
            raise AssessmentError("That question is not part of this attempt.")
        shown = attempt.choice_order.get(str(question_id), [])
        choice_ids = [as_id(choice_id) for choice_id in choice_ids]
        if None in choice_ids:
            raise AssessmentError("The choice must be given by its number.")
        if not set(choice_ids) <= set(shown):
            raise AssessmentError("That answer is not one of this question's choices.")
        question = Question.objects.only("question_type").filter(pk=question_id).first()
        if question is None:
            raise AssessmentError("This question was removed from the quiz; submit the rest.", 409)
        if question.question_type in ("single", "true_false") and len(choice_ids) > 1:
            raise AssessmentError("Choose one answer for this question.")
        text_answer = (text_answer or "").replace("\x00", "")[:MAX_TEXT_ANSWER]
        answer, _ = AttemptAnswer.objects.update_or_create(
            attempt=attempt,
            question_id=question_id,
            defaults={
                "selected_choices": sorted(set(choice_ids)),
                "text_answer": text_answer,
                "answered_at": now,
            },
        )
    return answer


def submit_attempt(user, attempt_id, now=None, auto=False):
    """Grade every drawn question on the server and record the result, once."""
    now = now or timezone.now()
    with transaction.atomic():
        # Lock in start_attempt's order (enrollment, then attempt), so a submit and a
        # new start at the same moment wait for each other instead of deadlocking.
        lesson = own_attempt(user, attempt_id).assessment.lesson
        if lesson is not None:
            with contextlib.suppress(enrollments.EnrollmentError):
                enrollments.enrollment_for_lesson(user, lesson, lock=True)
        attempt = own_attempt(user, attempt_id, lock=True)
        if attempt.is_submitted:
            raise AssessmentError("This attempt was already submitted.", status=409)
        _grade(attempt)
        attempt.submitted_at = min(now, attempt.deadline) if auto and attempt.deadline else now
        attempt.auto_submitted = auto
        attempt.time_taken = int((attempt.submitted_at - attempt.started_at).total_seconds())
        attempt.save()
        notifying.attempt_graded(attempt)
        lesson = attempt.assessment.lesson
        if attempt.passed and lesson is not None:
            # Left the course or lost the tier since starting: the result still stands.
            with contextlib.suppress(enrollments.EnrollmentError):
                enrollments.complete_lesson(user, lesson, source="assessment", at=now)
    return attempt


def _grade(attempt):
    questions = Question.objects.filter(pk__in=attempt.question_ids).prefetch_related("choices")
    answers = {answer.question_id: answer for answer in attempt.answers.all()}
    score = maximum = 0
    for question in questions:
        correct_ids = [choice.pk for choice in question.choices.all() if choice.is_correct]
        answer = answers.get(question.pk) or AttemptAnswer(attempt=attempt, question=question)
        result = grade(question, correct_ids, answer.selected_choices, answer.text_answer)
        answer.is_correct, answer.points_earned = result.correct, result.points
        answer.save()
        score += result.points
        maximum += question.points
    attempt.score, attempt.max_score = score, maximum
    attempt.percentage = round(100 * score / maximum, 2) if maximum else 0
    # Compared unrounded: 69.995% must not pass a 70% quiz; an empty draw never passes.
    attempt.passed = bool(maximum) and score * 100 >= attempt.assessment.passing_score * maximum


def submit_expired_attempts(now=None):
    """Submit every attempt whose time ran out (the periodic task calls this)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=GRACE_SECONDS)
    expired = Attempt.objects.filter(submitted_at=None, deadline__lt=cutoff)
    submitted = 0
    for attempt in expired.select_related("user"):
        try:
            submit_attempt(attempt.user, attempt.pk, now=now, auto=True)
            submitted += 1
        except AssessmentError:
            continue  # submitted meanwhile by the learner or another worker
        except Exception:  # one broken attempt must not stop the others being submitted
            logger.exception("Could not auto-submit attempt %s", attempt.pk)
    return submitted
