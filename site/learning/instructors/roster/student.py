"""An instructor's page about one student: the roster figures for each course the viewer
manages where the student is enrolled and shares their records, the weakest ACS
elements, recent quiz attempts and mock orals, flashcard figures, the viewer's own
private notes, and the endorsement and feedback panels of the other parts.

Nothing here is shown unless access.student_enrollments finds at least one such course;
quiz attempts and mock orals are limited to those courses' quizzes and standards, so a
learner who shares one course does not open their whole history. Notes are the
viewer's own (services), never another instructor's.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from core.admin_titles import TitledAdminView
from learning.assessments.models import Attempt
from learning.flashcards.models import CardState, ReviewLog
from learning.instructors.models import StudentNote
from learning.orals.models import MockOralSession

from . import access
from .forms import NoteForm
from .rows import build_rows
from .weak import weakest_elements

RECENT_ATTEMPTS = 10
RECENT_ORALS = 5
REVIEW_DAYS = 30


def student_url(student_id):
    return reverse("instructors_student", args=[student_id])


def weak_by_standard(student, rows):
    """[(standard, [WeakElement])] for each distinct standard of the student's courses."""
    courses = {}
    for row in rows:
        if row.standard is not None:
            courses.setdefault(row.standard, []).append(row.course)
    return [
        (standard, weakest_elements(student, standard, standard_courses))
        for standard, standard_courses in courses.items()
    ]


def flashcard_figures(student, snapshot):
    now = timezone.now()
    reviews = ReviewLog.objects.filter(user=student, reviewed_at__gte=now - timedelta(REVIEW_DAYS))
    due = CardState.objects.filter(user=student, suspended=False, due__lte=now)
    return {
        "reviews": reviews.count(),
        "due": due.count(),
        "retention": snapshot.retention if snapshot else None,
        "streak": snapshot.streak_days if snapshot else None,
        "snapshot_day": snapshot.day if snapshot else None,
    }


class StudentView(TitledAdminView, TemplateView):
    template_name = "learning/instructors/roster/student.html"
    header_icon = "user"
    parent_crumb = ("instructors_rosters", "My students")
    note_form = None
    editing = None

    def dispatch(self, request, *args, user_id, **kwargs):
        self.enrollments = access.student_enrollments(request.user, user_id)
        self.student = self.enrollments[0].user
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Student: {self.student.get_full_name() or self.student.email}"

    def get_context_data(self, **kwargs):
        rows = build_rows(self.enrollments)
        facts = rows[0].facts
        standards = {row.standard.pk for row in rows if row.standard is not None}
        attempts = (
            Attempt.objects.filter(user=self.student, assessment_id__in=list(facts.quiz_course))
            .select_related("assessment")
            .order_by("-started_at")[:RECENT_ATTEMPTS]
        )
        orals = (
            MockOralSession.objects.filter(user=self.student, standard_id__in=standards)
            .select_related("standard")
            .order_by("-started_at")[:RECENT_ORALS]
        )
        notes = StudentNote.objects.filter(author=self.request.user, student=self.student)
        return super().get_context_data(
            student=self.student,
            rows=rows,
            weak=weak_by_standard(self.student, rows),
            attempts=list(attempts) if facts.quiz_course else [],
            orals=list(orals) if standards else [],
            flashcards=flashcard_figures(self.student, rows[0].snapshot),
            notes=list(notes),
            note_form=self.note_form or NoteForm(),
            editing=self.editing,
            add_note_url=reverse("instructors_student_note_add", args=[self.student.pk]),
            **kwargs,
        )
