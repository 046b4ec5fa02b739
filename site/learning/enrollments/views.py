"""Enrollment views: each checks its input, calls a service and answers with a page,
a redirect or (for enhance.js) a fragment. Refusals say why, with a 4xx status."""

import math

from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.fragments import answers_refusals, fragment_or_redirect, wants_fragment
from learning.courses.models import CoursePage
from learning.courses.outline import course_outline

from . import services
from .models import Enrollment
from .progress import learner_progress
from .sharing import set_sharing

MAX_MEDIA_SECONDS = 24 * 60 * 60


def _login_first(request, next_url):
    if wants_fragment(request):
        return JsonResponse({"error": "Log in to continue."}, status=403)
    return redirect_to_login(next_url)


def _live_course(course_id):
    course = CoursePage.objects.live().filter(pk=course_id).first()
    if course is None:
        raise services.EnrollmentError("That course does not exist.", status=404)
    return course


def enrollment_panel(request, course, message):
    """The course page's enroll/progress box, re-rendered after a change."""
    outline = course_outline(course)
    context = {
        "page": course,
        "outline": outline,
        "progress": learner_progress(request.user, course, outline),
    }
    return fragment_or_redirect(
        request,
        "learning/enrollments/components/enrollment_panel.html",
        context,
        course.url,
        message=message,
    )


@require_POST
@answers_refusals
def enroll(request, course_id):
    course = _live_course(course_id)
    if not request.user.is_authenticated:
        return _login_first(request, course.url)
    _, created = services.enroll(request.user, course)
    message = f"You're enrolled in {course.title}." if created else "You're enrolled."
    return enrollment_panel(request, course, message)


@require_POST
@answers_refusals
def leave(request, course_id):
    if not request.user.is_authenticated:
        return _login_first(request, "/")
    course = _live_course(course_id)
    services.leave(request.user, course)
    message = f"You left {course.title}. Your progress is kept if you come back."
    return enrollment_panel(request, course, message)


def completion_response(request, lesson, progress, message):
    context = {"page": lesson, "lesson_progress": progress, "enrolled": True}
    return fragment_or_redirect(
        request,
        "learning/enrollments/components/lesson_completion.html",
        context,
        lesson.url,
        message=message,
    )


@require_POST
@answers_refusals
def complete(request, lesson_id):
    lesson = services.lesson_for_id(lesson_id)
    if not request.user.is_authenticated:
        return _login_first(request, lesson.url)
    progress = services.complete_lesson(request.user, lesson)
    return completion_response(request, lesson, progress, f"“{lesson.title}” is complete.")


@require_POST
@answers_refusals
def incomplete(request, lesson_id):
    lesson = services.lesson_for_id(lesson_id)
    if not request.user.is_authenticated:
        return _login_first(request, lesson.url)
    progress = services.mark_lesson_incomplete(request.user, lesson)
    return completion_response(request, lesson, progress, "Marked as not complete.")


def _seconds(raw, name, required=False):
    """A non-negative, finite number of seconds from form input, or EnrollmentError."""
    if raw in (None, ""):
        if required:
            raise services.EnrollmentError(f"Missing {name}.")
        return None
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise services.EnrollmentError(f"{name.capitalize()} must be a number.") from None
    if not math.isfinite(value) or value < 0 or value > MAX_MEDIA_SECONDS:
        raise services.EnrollmentError(f"{name.capitalize()} is out of range.")
    return value


@require_POST
def heartbeat(request, lesson_id):
    """JSON only (lesson-progress.js): study time and video position while a lesson is open."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": "Log in to track your progress."}, status=403)
    try:
        lesson = services.lesson_for_id(lesson_id)
        seconds = _seconds(request.POST.get("seconds"), "seconds", required=True)
        position = _seconds(request.POST.get("position"), "position")
        duration = _seconds(request.POST.get("duration"), "duration")
        progress = services.record_heartbeat(request.user, lesson, seconds, position, duration)
    except services.EnrollmentError as error:
        return JsonResponse({"error": error.message}, status=error.status)
    html = render_to_string(
        "learning/enrollments/components/lesson_completion.html",
        {"page": lesson, "lesson_progress": progress, "enrolled": True},
        request,
    )
    return JsonResponse(
        {"completed": progress.completed, "percentage": progress.percentage, "html": html}
    )


# The learner's per-course choice, as the enrollment panel's radio buttons post it.
SHARING_CHOICES = {"account": None, "share": True, "private": False}
SHARING_MESSAGES = {
    None: "This course follows your account setting for sharing your progress.",
    True: "Your instructors in this course can see your progress.",
    False: "Your instructors in this course no longer see your progress.",
}


@require_POST
@answers_refusals
def sharing(request, enrollment_id):
    """Whether the instructors of one course see this learner's records (sharing.py).
    Only the learner's own enrollment: anyone else's id is answered as missing (404)."""
    if not request.user.is_authenticated:
        return _login_first(request, "/")
    enrollment = (
        Enrollment.objects.filter(pk=enrollment_id, user=request.user)
        .select_related("course")
        .first()
    )
    if enrollment is None:
        raise services.EnrollmentError("That enrollment does not exist.", status=404)
    choice = request.POST.get("share", "")
    if choice not in SHARING_CHOICES:
        raise services.EnrollmentError("Choose who sees your progress in this course.")
    set_sharing(enrollment, SHARING_CHOICES[choice])
    message = SHARING_MESSAGES[enrollment.share_progress]
    if not enrollment.course.live:
        return fragment_or_redirect(request, None, {}, reverse("dashboard"), message=message)
    return enrollment_panel(request, enrollment.course, message)
