"""Taking a quiz: start, the attempt page, autosave, save, submit and the result.

Every view reads the attempt through `_own_attempt`, filtered by the signed-in
learner, so another learner's attempt id is a 404 on every endpoint. Writes go
through services; the form views save every answer the form lists in one
transaction, so a tampered field refuses the whole post and saves nothing.
"""

import contextlib
import ipaddress

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from accounts.tiers import tier_for
from core.fragments import fragment_or_redirect, refusal, sign_in_required, wants_fragment
from learning.enrollments.models import LessonProgress

from . import services, take
from .models import Assessment, Attempt
from .services import AssessmentError

TEMPLATES = "learning/assessments/"
ATTEMPT_PAGE = TEMPLATES + "attempt.html"
TIME_UP = (
    "Time is up: answers after the deadline are not saved. Your attempt was submitted "
    "with the answers saved before the deadline."
)


def _back_to_attempt(request, attempt_id=None, **kwargs):
    return reverse("quiz_attempt", args=[attempt_id]) if attempt_id else "/"


signed_in = sign_in_required("Log in to take this quiz.", _back_to_attempt)


def client_ip(request):
    raw = request.META.get("REMOTE_ADDR", "")
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        return None


def _own_attempt(request, attempt_id):
    attempt = (
        Attempt.objects.select_related("assessment__lesson", "assessment__reviewed_by__profile")
        .defer("assessment__lesson__body", "assessment__lesson__transcript")
        .filter(pk=attempt_id, user=request.user)
        .first()
    )
    if attempt is None:
        raise AssessmentError("We could not find that attempt.", status=404)
    return attempt


def _refused(request, error, lesson=None, attempt=None):
    """A refusal page that leads back to the lesson (and to the result when there is one)."""
    context = {"lesson": lesson, "attempt": attempt, "status": error.status}
    return refusal(
        request, error.message, error.status, context=context, page=TEMPLATES + "refused.html"
    )


def _result_url(attempt):
    return reverse("quiz_result", args=[attempt.pk])


def _closed(request, attempt, status=None):
    """The response for an attempt that no longer takes answers (409 submitted, 403 time
    up), else None. An expired attempt is submitted here, at the next request after its
    deadline, so its result is ready behind the refusal's link."""
    if status is None:
        status = 409 if attempt.is_submitted else 403 if services.is_expired(attempt) else None
    lesson = attempt.assessment.lesson
    if status == 409:
        error = AssessmentError("This attempt was already submitted.", status=409)
        return _refused(request, error, lesson, attempt)
    if status == 403:
        _auto_submit(request, attempt)
        return _refused(request, AssessmentError(TIME_UP, status=403), lesson, attempt)
    return None


def _auto_submit(request, attempt):
    # Submitted meanwhile (another tab, the periodic task): that result stands.
    with contextlib.suppress(AssessmentError):
        services.submit_attempt(request.user, attempt.pk, auto=True)


def _may_read(request, attempt):
    lesson = attempt.assessment.lesson
    if lesson is not None and not services.lesson_is_open(lesson):
        raise AssessmentError("This quiz is not open any more.", status=404)
    if lesson is not None and not lesson.is_visible_to(tier_for(request.user)):
        raise AssessmentError("This lesson is part of a higher membership tier.", status=403)


@never_cache
@require_POST
def start(request, assessment_id):
    assessment = Assessment.objects.select_related("lesson").filter(pk=assessment_id).first()
    lesson = assessment.lesson if assessment else None
    if lesson is None or not lesson.live:
        return refusal(request, "We could not find that quiz.", status=404)
    if not request.user.is_authenticated:
        if wants_fragment(request):
            return JsonResponse({"error": "Log in to take this quiz."}, status=403)
        return redirect_to_login(lesson.get_url(request))
    try:
        attempt, _ = services.start_attempt(
            request.user,
            assessment,
            ip_address=client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
        )
    except AssessmentError as error:
        return _refused(request, error, lesson)
    return redirect("quiz_attempt", attempt.pk)


@require_GET
@signed_in
def attempt_page(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    _may_read(request, attempt)
    if attempt.is_submitted:
        return redirect(_result_url(attempt))
    if services.is_expired(attempt):
        _auto_submit(request, attempt)
        messages.info(request, "Time ran out, so your attempt was submitted automatically.")
        return redirect(_result_url(attempt))
    return render(request, ATTEMPT_PAGE, take.attempt_context(attempt))


@never_cache
@require_POST
def answer(request, attempt_id):
    """JSON only (quiz.js): save one question's answer as the learner changes it."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": "Log in to take this quiz."}, status=403)
    try:
        attempt = _own_attempt(request, attempt_id)
        _may_read(request, attempt)
        question_id = take.parse_id(request.POST.get("question"), "question")
        choice_ids = take.parse_choice_ids(request.POST.getlist("choice"), attempt, question_id)
        saved = services.save_answer(
            request.user, attempt_id, question_id, choice_ids, request.POST.get("text", "")
        )
    except AssessmentError as error:
        return JsonResponse({"error": error.message}, status=error.status)
    return JsonResponse(
        {"saved": True, "question": question_id, "answered_at": saved.answered_at.isoformat()}
    )


def _save_posted(request, attempt):
    """Save every answer the form lists that differs from the saved one, all or none."""
    posted = take.posted_answers(request.POST, attempt)
    if not set(posted) <= set(attempt.question_ids):
        raise AssessmentError("That question is not part of this attempt.")
    saved = {
        answer.question_id: (sorted(answer.selected_choices), answer.text_answer)
        for answer in attempt.answers.only(
            "attempt_id", "question_id", "selected_choices", "text_answer"
        )
    }
    with transaction.atomic():
        for question_id, (choice_ids, text) in posted.items():
            empty = not choice_ids and not text.strip()
            before = saved.get(question_id)
            if (before is None and empty) or before == (sorted(set(choice_ids)), text):
                continue
            services.save_answer(request.user, attempt.pk, question_id, choice_ids, text)
    return len(posted)


def _form_again(request, attempt, error):
    """The attempt page again with what was sent and why it was refused."""
    context = take.attempt_context(attempt, take.displayable_answers(request.POST, attempt), error)
    if wants_fragment(request):
        return JsonResponse({"error": error.message}, status=error.status)
    return render(request, ATTEMPT_PAGE, context, status=error.status)


@require_POST
@signed_in
def save(request, attempt_id):
    """The form's own Save button (no JavaScript needed)."""
    attempt = _own_attempt(request, attempt_id)
    _may_read(request, attempt)
    closed = _closed(request, attempt)
    if closed is not None:
        return closed
    try:
        _save_posted(request, attempt)
    except AssessmentError as error:
        if error.status in (403, 409):
            return _closed(request, attempt, error.status)
        return _form_again(request, attempt, error)
    url = reverse("quiz_attempt", args=[attempt.pk])
    return fragment_or_redirect(request, None, {}, url, message="Answers saved.")


@require_POST
@signed_in
def submit(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    _may_read(request, attempt)
    closed = _closed(request, attempt)
    if closed is not None:
        return closed
    try:
        _save_posted(request, attempt)
        services.submit_attempt(request.user, attempt.pk)
    except AssessmentError as error:
        if error.status in (403, 409):  # the deadline passed or another tab submitted
            return _closed(request, attempt, error.status)
        return _form_again(request, attempt, error)
    return redirect(_result_url(attempt))


def _lesson_done(user, lesson):
    """Whether passing completed the lesson (not when the learner has left the course)."""
    if lesson is None:
        return False
    rows = LessonProgress.objects.filter(enrollment__user=user, lesson=lesson, completed=True)
    return rows.exists()


@require_GET
@signed_in
def result(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    _may_read(request, attempt)
    if not attempt.is_submitted:
        return redirect("quiz_attempt", attempt.pk)
    assessment = attempt.assessment
    feedback = assessment.show_results_immediately
    standing = take.standing(request.user, assessment)
    # The key would hand the next attempt its answers: shown once the learner passed or
    # has no attempts left.
    show_key = (
        feedback and assessment.show_correct_answers and (attempt.passed or standing.left == 0)
    )
    context = {
        "attempt": attempt,
        "assessment": assessment,
        "lesson": assessment.lesson,
        "rows": take.result_rows(attempt, show_key) if feedback else [],
        "feedback": feedback,
        "show_key": show_key,
        "standing": standing,
        "lesson_done": attempt.passed and _lesson_done(request.user, assessment.lesson),
    }
    return render(request, TEMPLATES + "result.html", context)
