"""The learner dashboard: courses with progress and "Continue", recent completions,
streak, certificates, today's flashcards and the latest mock oral, in a fixed number of
queries however many courses."""

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from learning.courses.models import LessonPage
from learning.courses.outline import course_outlines
from learning.enrollments.models import Certificate, Enrollment, LessonProgress
from learning.enrollments.progress import progress_for_enrollments
from learning.enrollments.streaks import study_streak
from learning.flashcards.queue import todays_queue
from learning.orals.models import MockOralSession

RECENT_COMPLETIONS = 5
HEAVY_FIELDS = [
    "lesson__body",
    "lesson__transcript",
    *(f"enrollment__course__{name}" for name in ("requirements", "skills", "learning_objectives")),
]


def study_tools(user):
    """Today's flashcard counts and the latest mock oral, for the "Study tools" panel."""
    return {
        "flashcards_today": todays_queue(user),
        "last_oral": MockOralSession.objects.filter(user=user, completed_at__isnull=False)
        .only("pk", "score", "completed_at")
        .first(),
    }


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
    context = {
        "courses": [(e, progress[e.pk]) for e in current],
        "in_progress": [e for e in current if e.status == Enrollment.Status.ACTIVE],
        "dropped": [e for e in enrollments if not e.is_current],
        "recent_completions": list(recent),
        "streak": study_streak(user),
        "certificates": list(
            Certificate.objects.filter(enrollment__user=user).order_by("-issued_at")
        ),
        **study_tools(user),
    }
    return TemplateResponse(request, "learning/enrollments/dashboard.html", context)
