"""Tells a learner that the mock oral an instructor graded is finished and scored."""

from django.urls import reverse

from community.notifications.services import notify


def session_graded(session):
    """Notify the session's learner when an instructor graded it; a session the
    learner graded alone is their own business."""
    if session.graded_by_id is None or session.graded_by_id == session.user_id:
        return []
    grader = session.graded_by
    return notify(
        [session.user_id],
        "oral_graded",
        text=f"{grader.display_name} graded your mock oral ({session.acs_type}): {session.score}%",
        url=reverse("orals_result", args=[session.pk]),
        actor=grader,
        target=session,
    )
