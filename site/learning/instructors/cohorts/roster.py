"""What the cohort roster shows for each member and course, in a fixed number of queries.

A member's progress in a course is shown only where the viewer holds the
manage-students right on that course and the member shares that enrollment with the
course's instructors (enrollments.sharing); otherwise the cell says why it is empty,
without the number. Two queries whatever the number of members: their current
enrollments in the cohort's courses, and which of those are shared.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from learning.enrollments.models import Enrollment
from learning.enrollments.sharing import CURRENT, shared

from .access import managed_course_ids

NOT_YOURS, NOT_ENROLLED, PRIVATE, SHOWN = "not-yours", "not-enrolled", "private", "shown"
LABELS = {
    NOT_YOURS: "Not your course",
    NOT_ENROLLED: "Not enrolled",
    PRIVATE: "Private",
}


@dataclass
class Cell:
    state: str
    progress: int = 0

    @property
    def label(self):
        return f"{self.progress}%" if self.state == SHOWN else LABELS[self.state]


@dataclass
class RosterRow:
    member: object
    cells: list
    student_url: str = ""


def student_url(user_id):
    """The student page of the roster part, or "" while that page is not registered."""
    try:
        return reverse("instructors_student", args=[user_id])
    except NoReverseMatch:
        return ""


def roster_rows(viewer, cohort, members):
    """(courses, rows) for `members` (one page of the cohort's members)."""
    courses = list(cohort.courses.order_by("title").only("pk", "title"))
    managed = managed_course_ids(viewer, cohort)
    user_ids = [member.user_id for member in members if member.user_id]
    enrollments = Enrollment.objects.filter(
        user_id__in=user_ids, course_id__in=managed, status__in=CURRENT
    )
    progress = (
        {
            (user_id, course_id): (pk, percent)
            for pk, user_id, course_id, percent in enrollments.values_list(
                "pk", "user_id", "course_id", "progress_percentage"
            )
        }
        if user_ids and managed
        else {}
    )
    shared_ids = set(shared(enrollments).values_list("pk", flat=True)) if progress else set()
    rows = []
    for member in members:
        cells = [cell_for(member, course, managed, progress, shared_ids) for course in courses]
        sharing = any(cell.state == SHOWN for cell in cells)
        url = student_url(member.user_id) if member.user_id and sharing else ""
        rows.append(RosterRow(member, cells, url))
    return courses, rows


def cell_for(member, course, managed, progress, shared_ids):
    if course.pk not in managed:
        return Cell(NOT_YOURS)
    found = progress.get((member.user_id, course.pk))
    if found is None:
        return Cell(NOT_ENROLLED)
    pk, percent = found
    return Cell(SHOWN, percent) if pk in shared_ids else Cell(PRIVATE)
