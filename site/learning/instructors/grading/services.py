"""Writing an instructor's feedback: on a quiz attempt (overall and per answer) and on
the items of a mock oral. Feedback is words only: the score, the grades and the pass
never change here (only the feedback fields are written, by name).

Each save locks the attempt or session row, writes what changed, and tells the learner
once (kind "instructor_feedback") when something was written; saving the same text
again changes nothing and tells nobody, so a double submit is harmless.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from community.notifications.services import notify
from learning.assessments.models import Attempt, AttemptAnswer
from learning.orals.models import MockOralItem, MockOralSession


def save_attempt_feedback(attempt, actor, overall, per_answer):
    """`per_answer` maps answer ids of this attempt to their feedback; returns whether
    anything changed."""
    now = timezone.now()
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
        changed = False
        if attempt.instructor_feedback != overall:
            attempt.instructor_feedback = overall
            changed = True
        answers = AttemptAnswer.objects.filter(attempt=attempt, pk__in=list(per_answer))
        for answer in answers:
            text = per_answer[answer.pk]
            if answer.feedback != text:
                answer.feedback = text
                answer.save(update_fields=["feedback"])
                changed = True
        if not changed:
            return False
        attempt.feedback_by, attempt.feedback_at = actor, now
        attempt.save(update_fields=["instructor_feedback", "feedback_by", "feedback_at"])
        notify(
            [attempt.user_id],
            "instructor_feedback",
            text=f"{actor.get_full_name() or 'Your instructor'} left feedback on your "
            f"attempt at {attempt.assessment.title}.",
            url=reverse("quiz_result", args=[attempt.pk]),
            actor=actor,
            target=attempt,
        )
    return True


def save_oral_comments(session, actor, comments):
    """`comments` maps item ids of this session to their comment; returns how many
    items changed."""
    now = timezone.now()
    with transaction.atomic():
        session = MockOralSession.objects.select_for_update().get(pk=session.pk)
        changed = 0
        for item in MockOralItem.objects.filter(session=session, pk__in=list(comments)):
            text = comments[item.pk]
            if item.instructor_comment == text:
                continue
            item.instructor_comment = text
            item.commented_by, item.commented_at = (actor, now) if text else (None, None)
            item.save(update_fields=["instructor_comment", "commented_by", "commented_at"])
            changed += 1
        if changed:
            notify(
                [session.user_id],
                "instructor_feedback",
                text=f"{actor.get_full_name() or 'Your instructor'} commented on your mock "
                f"oral ({session.acs_type}).",
                url=reverse("orals_result", args=[session.pk]),
                actor=actor,
                target=session,
            )
    return changed
