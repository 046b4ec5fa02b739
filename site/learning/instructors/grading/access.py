"""Which quiz attempts and mock orals an instructor may give feedback on.

Feedback reads the learner's answers, so it follows the rule for learners' records:
learning.enrollments.records (the viewer holds MANAGE_STUDENTS on the quiz's course,
found through the quiz's lesson below the course page, and the learner, currently
enrolled there, shares that enrollment) and, for mock orals, which belong to no course,
learning.orals.access.may_see (the same rule over any course the learner shares).
Only finished work is open to feedback: a submitted attempt, a completed session.
Anything else answers 404, so ids cannot be probed.
"""

from django.http import Http404

from learning.assessments.models import Attempt
from learning.enrollments.records import shared_records
from learning.orals.access import may_see, visible_sessions
from learning.orals.models import MockOralSession


def gradable_attempts(user):
    """Submitted attempts `user` may read and comment on."""
    submitted = Attempt.objects.filter(submitted_at__isnull=False)
    return shared_records(user, submitted, lesson="assessment__lesson")


def attempt_for(user, attempt_id):
    attempt = (
        gradable_attempts(user)
        .select_related("user", "assessment__lesson", "feedback_by")
        .filter(pk=attempt_id)
        .first()
    )
    if attempt is None:
        raise Http404("No such attempt.")
    return attempt


def completed_sessions(user):
    """Completed mock orals of the learners `user` may see."""
    return visible_sessions(user, MockOralSession.objects.filter(completed_at__isnull=False))


def session_for(user, session_id):
    session = (
        MockOralSession.objects.filter(pk=session_id, completed_at__isnull=False)
        .select_related("user")
        .first()
    )
    if session is None or not may_see(user, session.user_id):
        raise Http404("No such mock oral.")
    return session
