"""The learner dashboard: "Today" (the actions due now, see today.py), courses with
progress and "Continue", recent completions, streak, certificates, today's flashcards and
the latest mock oral, in a fixed number of queries however many courses.

A learner with nothing on record yet (no enrollment, no study day, no mock oral) is
greeted as new, with a first step, instead of "Welcome back"."""

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from learning.courses.models import LessonPage
from learning.courses.outline import course_outlines
from learning.enrollments.models import Certificate, Enrollment, LessonProgress
from learning.enrollments.progress import progress_for_enrollments
from learning.enrollments.streaks import local_date, recent_study_days, streak_from_dates
from learning.flashcards.queue import todays_queue

from .today import Today, mock_orals, next_lesson, quiz_to_retake

RECENT_COMPLETIONS = 5
HEAVY_FIELDS = [
    "lesson__body",
    "lesson__transcript",
    *(f"enrollment__course__{name}" for name in ("requirements", "skills", "learning_objectives")),
]


def first_free_lesson():
    """A lesson anyone may read in full, for a new learner's first step (one query,
    asked only for new learners)."""
    lessons = LessonPage.objects.live().public().filter(is_free_preview=True)
    return lessons.defer_streamfields().order_by("path").first()


@login_required
def dashboard(request):
    user = request.user
    enrollments = list(
        Enrollment.objects.filter(user=user)
        .select_related("course", "last_lesson")
        .defer("course__requirements", "course__skills", "course__learning_objectives")
        .order_by("-last_accessed", "-enrolled_date")
    )
    current = [e for e in enrollments if e.is_current]
    outlines = course_outlines({e.course for e in current})
    progress = progress_for_enrollments(user, current, outlines)
    recent = (
        LessonProgress.objects.filter(
            enrollment__user=user, completed=True, lesson__in=LessonPage.objects.live().public()
        )
        .select_related("lesson", "enrollment__course")
        .defer(*HEAVY_FIELDS)
        .order_by("-completed_date")[:RECENT_COMPLETIONS]
    )
    courses = [(e, progress[e.pk]) for e in current]
    days = recent_study_days(user)  # the streak and "is this learner new?" both read them
    open_oral, last_oral = mock_orals(user)
    flashcards_today = todays_queue(user)
    is_new = not enrollments and not days and open_oral is None and last_oral is None
    context = {
        "is_new": is_new,
        "first_lesson": first_free_lesson() if is_new else None,
        "today": Today(
            cards_due=flashcards_today.total_left,
            next_lesson=next_lesson(courses),
            quiz_to_retake=quiz_to_retake(user, courses),
            oral_to_finish=open_oral,
        ),
        "courses": courses,
        "in_progress": [e for e in current if e.status == Enrollment.Status.ACTIVE],
        "dropped": [e for e in enrollments if not e.is_current],
        "recent_completions": list(recent),
        "streak": streak_from_dates(days, local_date(user)),
        "certificates": list(
            Certificate.objects.filter(enrollment__user=user).order_by("-issued_at")
        ),
        "flashcards_today": flashcards_today,
        "last_oral": last_oral,
    }
    return TemplateResponse(request, "learning/enrollments/dashboard.html", context)
