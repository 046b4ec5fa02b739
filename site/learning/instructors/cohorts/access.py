"""Who may run which cohort, in one place.

A cohort is run by its instructors (Cohort.instructors; superusers run every cohort).
Creating one, and everything done to a cohort, also needs the manage-students right on
at least one course (learning.courses.teaching): a cohort is a way of managing
students, and an instructor who lost that right everywhere keeps no back door to the
learners. A cohort someone does not run answers 404, as if it did not exist.
"""

from django.contrib.auth import get_user_model
from django.http import Http404

from learning.courses.teaching import (
    MANAGE_STUDENTS,
    active_credits,
    holds_right,
    taught_courses,
)

from ..models import Cohort


def manageable_courses(user):
    """The courses whose learners `user` may enroll and follow."""
    return taught_courses(user, MANAGE_STUDENTS)


def may_run_cohorts(user):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or holds_right(user, MANAGE_STUDENTS)


def cohorts_of(user):
    """The cohorts `user` runs (every cohort for a superuser)."""
    if user.is_superuser:
        return Cohort.objects.all()
    return Cohort.objects.filter(instructors=user)


def cohort_for(user, cohort_id):
    """The cohort with this id if `user` runs it; 404 otherwise."""
    cohort = cohorts_of(user).filter(pk=cohort_id).first()
    if cohort is None:
        raise Http404("No such cohort.")
    return cohort


def credited_colleagues(courses):
    """Users actively credited on any of `courses`: the possible co-instructors."""
    ids = active_credits().filter(page__in=courses).values("user_id")
    return get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("email")


def managed_course_ids(user, cohort):
    """The ids of the cohort's courses on which `user` holds the manage-students right."""
    courses = manageable_courses(user).filter(pk__in=cohort.courses.values("pk"))
    return set(courses.values_list("pk", flat=True))
