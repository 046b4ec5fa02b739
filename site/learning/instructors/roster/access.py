"""Whose records a roster or student page may show, from the two project rules:
learning.courses.teaching (the viewer holds MANAGE_STUDENTS on the course; superusers
on every course) and learning.enrollments.sharing (the enrollment is current and its
learner shares it). Anything else is answered 404, as if it did not exist, so ids
cannot be probed.
"""

from django.db.models import Q
from django.http import Http404

from learning.courses.teaching import MANAGE_STUDENTS, taught_courses
from learning.enrollments.models import Enrollment
from learning.enrollments.sharing import CURRENT, current_shared, shared


def managed_courses(user):
    return taught_courses(user, MANAGE_STUDENTS)


def managed_course(user, course_id):
    """The course whose students `user` manages, or 404."""
    course = managed_courses(user).filter(pk=course_id).first()
    if course is None:
        raise Http404("No roster here.")
    return course


def roster_enrollments(course, *, query="", status=""):
    """The current, shared enrollments of `course`, searched by name or email."""
    enrollments = current_shared([course.pk]).select_related("user")
    if status:
        enrollments = enrollments.filter(status=status)
    for word in query.split():
        enrollments = enrollments.filter(
            Q(user__email__icontains=word)
            | Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
        )
    return enrollments.order_by("pk")


def private_count(course):
    """How many current learners keep their records private (counted, never named)."""
    current = Enrollment.objects.filter(course_id=course.pk, status__in=CURRENT)
    return current.count() - shared(current).count()


def student_enrollments(user, student_id):
    """The student's current, shared enrollments in courses `user` manages; 404 when
    there is none (an unknown id, a stranger, or a learner who shares nothing)."""
    course_ids = managed_courses(user).values("pk")
    enrollments = list(
        current_shared(course_ids).filter(user_id=student_id).select_related("user").order_by("pk")
    )
    if not enrollments:
        raise Http404("No such student.")
    return enrollments


def may_see_student(user, student_id):
    course_ids = managed_courses(user).values("pk")
    return current_shared(course_ids).filter(user_id=student_id).exists()
