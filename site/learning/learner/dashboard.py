"""The learner dashboard: "Today" (the actions due now, see today.py), courses with
progress and "Continue", recent completions, streak, certificates, today's flashcards and
the latest mock oral, in a fixed number of queries however many courses.

A learner with nothing on record yet (no enrollment, no study day, no mock oral) is
greeted as new, with a first step, instead of "Welcome back"."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from accounts.tiers import tier_for
from learning.courses.models import LessonPage
from learning.courses.render_cache import cached_outlines
from learning.enrollments.models import Certificate, Enrollment, LessonProgress
from learning.enrollments.progress import LearnerProgress
from learning.enrollments.streaks import local_date, recent_study_days, streak_from_dates
from learning.flashcards.queue import todays_queue

from .today import Today, mock_orals, next_lesson, quiz_to_retake

RECENT_COMPLETIONS = 5
HEAVY_COURSE_FIELDS = [
    f"course__{name}" for name in ("requirements", "skills", "learning_objectives")
]


@dataclass
class Completion:
    lesson: object
    enrollment: Enrollment
    completed_date: datetime | None


def first_free_lesson():
    """A lesson anyone may read in full, for a new learner's first step (one query,
    asked only for new learners)."""
    lessons = LessonPage.objects.live().public().filter(is_free_preview=True)
    return lessons.defer_streamfields().order_by("path").first()


def learner_enrollments(user):
    """Every enrollment with its course and certificate, newest activity first (one
    query: the certificate is one-to-one, so it comes in the same join)."""
    return list(
        Enrollment.objects.filter(user=user)
        .select_related("course", "certificate")
        .defer(*HEAVY_COURSE_FIELDS)
        .order_by("-last_accessed", "-enrolled_date")
    )


def completions(user):
    """(enrollment id, lesson id, completed date) of every lesson the learner finished,
    newest first: one query for both the progress bars and "Recently completed"."""
    rows = LessonProgress.objects.filter(enrollment__user=user, completed=True)
    return list(
        rows.order_by("-completed_date").values_list("enrollment_id", "lesson_id", "completed_date")
    )


def recent_completions(rows, enrollments, outlines):
    """The latest completed lessons that are still live and public in their course's
    outline (a lesson unpublished, made private or moved away drops out)."""
    lessons = {lesson.pk: lesson for outline in outlines.values() for lesson in outline.lessons}
    by_id = {enrollment.pk: enrollment for enrollment in enrollments}
    recent = []
    for enrollment_id, lesson_id, completed_date in rows:
        lesson = lessons.get(lesson_id)
        if lesson is not None and enrollment_id in by_id:
            recent.append(Completion(lesson, by_id[enrollment_id], completed_date))
            if len(recent) == RECENT_COMPLETIONS:
                break
    return recent


def certificates_of(enrollments):
    found = []
    for enrollment in enrollments:
        try:
            found.append(enrollment.certificate)
        except Certificate.DoesNotExist:
            continue
    return sorted(found, key=lambda certificate: certificate.issued_at, reverse=True)


@login_required
def dashboard(request):
    user = request.user
    enrollments = learner_enrollments(user)
    current = [e for e in enrollments if e.is_current]
    # Every enrolled course's outline (cached per course): progress for the current ones,
    # and which completed lessons are still live for "Recently completed".
    outlines = cached_outlines({e.course for e in enrollments})
    rows = completions(user)
    done = {}
    for enrollment_id, lesson_id, _ in rows:
        done.setdefault(enrollment_id, set()).add(lesson_id)
    tier = tier_for(user)
    courses = [
        (e, LearnerProgress(outlines[e.course_id], e, done.get(e.pk, set()), tier)) for e in current
    ]
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
        "recent_completions": recent_completions(rows, enrollments, outlines),
        "streak": streak_from_dates(days, local_date(user)),
        "certificates": certificates_of(enrollments),
        "flashcards_today": flashcards_today,
        "last_oral": last_oral,
    }
    return TemplateResponse(request, "learning/enrollments/dashboard.html", context)
