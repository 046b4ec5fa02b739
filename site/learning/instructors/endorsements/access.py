"""Who may write, see, revoke and download an endorsement: the rules of this part.

Writing one is working with a learner's records, so it follows the two project rules
(learning.courses.teaching, learning.enrollments.sharing): the instructor holds
MANAGE_STUDENTS on a course the student is currently enrolled in and shares with their
instructors. It is also a signature under 14 CFR 61.195, so the instructor needs a CFI
certificate number on their InstructorProfile and privileges that have not lapsed (the
24-calendar-month recent-experience period of 14 CFR 61.197 ends on `cfi_expiration`).
Revoking and the PDF belong to the signing instructor (and superusers); the PDF also to
the student. Anyone else gets the same 404 as an unknown record.
"""

import datetime
import zoneinfo

from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format

from learning.courses.teaching import MANAGE_STUDENTS, taught_courses
from learning.enrollments.sharing import current_shared
from learning.instructors.models import Endorsement, InstructorProfile


def endorsing_course_id(user, student):
    """The id of a course through which `user` may endorse `student`, or None."""
    if user is None or not user.is_authenticated or student is None or user.pk == student.pk:
        return None
    courses = taught_courses(user, MANAGE_STUDENTS).values("pk")
    enrollments = current_shared(courses).filter(user=student).order_by("pk")
    return enrollments.values_list("course_id", flat=True).first()


def instructor_zone(profile):
    try:
        return zoneinfo.ZoneInfo(profile.time_zone) if profile else datetime.UTC
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return datetime.UTC


def instructor_today(profile):
    """Today where the instructor is: the date an endorsement signed now bears."""
    return timezone.now().astimezone(instructor_zone(profile)).date()


def signing_profile(user):
    """(profile, problem): the instructor's profile, and why they cannot sign yet (None
    when they can)."""
    profile = InstructorProfile.objects.filter(user=user).first()
    if profile is None or not profile.cfi_certificate_number:
        return profile, (
            "Add your CFI number in My instructor profile before you write an endorsement."
        )
    expiration = profile.cfi_expiration
    if expiration is not None and expiration < instructor_today(profile):
        lapsed = date_format(expiration, "j F Y")
        return profile, (
            f"Your CFI privileges lapsed on {lapsed}. Renew your recent experience "
            "(14 CFR 61.197) and update My instructor profile before you sign endorsements."
        )
    return profile, None


def may_manage(user, endorsement):
    """The signing instructor and superusers may revoke it and see its admin page."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or endorsement.instructor_id == user.pk


def may_download(user, endorsement):
    return may_manage(user, endorsement) or (
        user.is_authenticated and endorsement.student_id == user.pk
    )


def visible_to(viewer, student, may_endorse=None):
    """The endorsements of `student` that `viewer` may see on the student's page: all of
    them for a superuser or an instructor who may endorse the student now, otherwise
    only those the viewer signed. `may_endorse` saves the query when already known."""
    rows = Endorsement.objects.filter(student=student)
    if may_endorse is None:
        may_endorse = endorsing_course_id(viewer, student) is not None
    if viewer.is_superuser or may_endorse:
        return rows
    return rows.filter(instructor=viewer)


def endorse_url(student, kind=None):
    url = reverse("instructors_endorse", args=[student.pk])
    return f"{url}?kind={kind}" if kind else url
