"""Who may open a learner's mock oral besides the learner.

A mock oral says what a learner does not know yet, so it is shown to an instructor only
when the learner is theirs and agreed to it: the learner is enrolled (active or
completed) in a course where the instructor manages students (learning.courses.teaching:
credited on the course with MANAGE_STUDENTS; editing its page is not enough), and shares
that enrollment with its instructors (enrollments.sharing: their choice for the course,
else their account preference). Grading also needs the
orals.change_mockoralsession permission (the Instructors group has it). Superusers see
and grade everything. Everyone else is answered as if the session did not exist (404).
"""

from learning.enrollments.models import Enrollment
from learning.enrollments.records import shared_enrollments

GRADER_PERMISSION = "orals.change_mockoralsession"
ENROLLED = (Enrollment.Status.ACTIVE, Enrollment.Status.COMPLETED)


def can_grade_others(user):
    """May grade someone else's session at all, before looking at whose it is. The
    permission, not is_staff, is the gate: Wagtail instructors are not Django staff."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(GRADER_PERMISSION))


def taught_enrollments(user):
    """Enrollments their learners share, in courses where ``user`` manages students."""
    return shared_enrollments(user)


def teaches(user, learner_id):
    """The learner shares progress and is enrolled in a course ``user`` teaches."""
    return taught_enrollments(user).filter(user_id=learner_id).exists()


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
    return sessions.filter(user_id__in=taught_enrollments(user).values("user_id"))
