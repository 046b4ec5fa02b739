"""Who may open a learner's mock oral besides the learner.

A mock oral says what a learner does not know yet, so it is shown to an instructor only
when the learner is theirs and agreed to it: the learner is enrolled (active or
completed) in a course the instructor can edit in Wagtail, and the learner's
Preferences.show_progress_to_instructors is on. Grading also needs the
orals.change_mockoralsession permission (the Instructors group has it). Superusers see
and grade everything. Everyone else is answered as if the session did not exist (404).
"""

from accounts.models import Preferences
from learning.courses.models import CoursePage
from learning.enrollments.models import Enrollment

GRADER_PERMISSION = "orals.change_mockoralsession"
ENROLLED = (Enrollment.Status.ACTIVE, Enrollment.Status.COMPLETED)


def can_grade_others(user):
    """May grade someone else's session at all, before looking at whose it is. The
    permission, not is_staff, is the gate: Wagtail instructors are not Django staff."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(GRADER_PERMISSION))


def can_edit(user, course):
    """Wagtail's own answer, so page permissions, ownership and workflows all count."""
    return course.permissions_for_user(user).can_edit()


def teaches(user, learner_id):
    """The learner shares progress and is enrolled in a course ``user`` can edit."""
    if not Preferences.objects.filter(
        user_id=learner_id, show_progress_to_instructors=True
    ).exists():
        return False
    courses = CoursePage.objects.filter(
        enrollments__user_id=learner_id, enrollments__status__in=ENROLLED
    )
    return any(can_edit(user, course) for course in courses)


def may_see(user, learner_id):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or teaches(user, learner_id)


def may_grade(user, learner_id):
    return can_grade_others(user) and may_see(user, learner_id)


def visible_sessions(user, sessions):
    """``sessions`` narrowed to the learners ``user`` teaches (all for superusers)."""
    if not (user.is_authenticated and user.is_active):
        return sessions.none()
    if user.is_superuser:
        return sessions
    course_ids = [course.pk for course in CoursePage.objects.all() if can_edit(user, course)]
    learners = Enrollment.objects.filter(
        course_id__in=course_ids,
        status__in=ENROLLED,
        user__preferences__show_progress_to_instructors=True,
    ).values("user_id")
    return sessions.filter(user_id__in=learners)
