"""The quiz panel on a lesson page, and the time formats the quiz pages use."""

from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string

from accounts.tiers import tier_for
from learning.enrollments.services import current_enrollment

from .. import lesson_quizzes, take
from ..models import Assessment, Question

register = template.Library()
PANEL = "learning/assessments/lesson_quiz.html"


def _assessment(lesson):
    """The lesson's quiz with its reviewer and their profile (the review line under the
    quiz's title) and its question count, in one query, none for a lesson the cache
    knows has no quiz (lesson_quizzes); cached on the lesson like the reverse accessor's
    own result, so the completion box below asks nothing more."""
    descriptor = getattr(type(lesson), "assessment", None)
    if descriptor is None:  # not a lesson page: no quiz
        return None
    relation = descriptor.related
    if relation.is_cached(lesson):
        try:
            return lesson.assessment
        except ObjectDoesNotExist:
            return None
    generation, known = lesson_quizzes.known_quiz_id(lesson.pk)
    assessment = None
    if known != lesson_quizzes.NO_QUIZ:
        bank = Question.objects.filter(assessment=OuterRef("pk")).order_by().values("assessment")
        assessment = (
            Assessment.objects.select_related("reviewed_by__profile")
            .annotate(bank_size=Coalesce(Subquery(bank.annotate(n=Count("pk")).values("n")), 0))
            .filter(lesson=lesson)
            .first()
        )
        lesson_quizzes.remember_quiz_id(generation, lesson.pk, assessment and assessment.pk)
    relation.set_cached_value(lesson, assessment)
    return assessment


def _enrolled(context, user, lesson):
    """Whether the viewer is enrolled in the lesson's course: the lesson page's own
    progress (no query) when it is there."""
    progress = context.get("progress")
    if progress is not None and hasattr(progress, "is_enrolled"):
        return progress.is_enrolled
    course = context.get("course")
    return course is not None and current_enrollment(user, course.pk) is not None


@register.simple_tag(takes_context=True)
def lesson_quiz(context, lesson):
    """The lesson's quiz: its rules, the learner's attempts and a Start / Resume / Try
    again button, or why they cannot start; a log-in prompt for guests; nothing for a
    lesson without a quiz or a viewer the lesson is hidden from. Two queries at most
    (the quiz, the learner's attempts) on a lesson page; none for a lesson without one."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or user is None or lesson is None or lesson.pk is None:
        return ""
    assessment = _assessment(lesson)
    if assessment is None:
        return ""
    panel = {"assessment": assessment, "lesson": lesson, "course": context.get("course")}
    if not user.is_authenticated:
        return render_to_string(PANEL, {**panel, "guest": True}, request)
    tier = context.get("viewer_tier")
    tier = tier_for(user) if tier is None else tier
    if not lesson.is_visible_to(tier):
        return ""
    bank_size = getattr(assessment, "bank_size", None)
    bank_size = assessment.questions.count() if bank_size is None else bank_size
    per_attempt = assessment.questions_per_attempt
    panel.update(
        enrolled=_enrolled(context, user, lesson),
        standing=take.standing(user, assessment),
        question_count=min(per_attempt, bank_size) if per_attempt else bank_size,
    )
    return render_to_string(PANEL, panel, request)


@register.filter
def clock(seconds):
    """Seconds as a countdown: 9:05, or 1:02:30 from an hour on."""
    try:
        seconds = max(0, int(seconds))
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@register.filter
def duration(seconds):
    """Seconds in words for time taken: "45 s", "4 min 5 s", "1 h 2 min"."""
    try:
        seconds = max(0, int(seconds))
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"


@register.filter
def score(value):
    """A Decimal score without needless zeros: 4, 2.5, 66.67."""
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
