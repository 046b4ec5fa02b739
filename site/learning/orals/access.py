"""Who may open a learner's mock oral besides the learner.

A mock oral says what a learner does not know yet, so it is shown to an instructor only
when the learner is theirs and agreed to it: the learner is enrolled (active or
completed) in a course the instructor teaches (learning.courses.teaching: credited on
the course; editing its page is not enough), and the learner's
Preferences.show_progress_to_instructors is on. Grading also needs the
orals.change_mockoralsession permission (the Instructors group has it). Superusers see
and grade everything. Everyone else is answered as if the session did not exist (404).
"""

from learning.courses.teaching import taught_courses
from learning.enrollments.models import Enrollment

GRADER_PERMISSION = "orals.change_mockoralsession"
ENROLLED = (Enrollment.Status.ACTIVE, Enrollment.Status.COMPLETED)


def can_grade_others(user):
    """May grade someone else's session at all, before looking at whose it is. The
    permission, not is_staff, is the gate: Wagtail instructors are not Django staff."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(GRADER_PERMISSION))


def taught_enrollments(user):
    """Enrollments of learners who share their progress, in courses ``user`` teaches."""
    return Enrollment.objects.filter(
        course__in=taught_courses(user),
        status__in=ENROLLED,
        user__preferences__show_progress_to_instructors=True,
    )


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
