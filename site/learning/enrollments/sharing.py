"""Whether a course's instructors may see a learner's records: the one rule.

A learner decides per course (Enrollment.share_progress); a course they never decided
for follows their account-wide preference (Preferences.show_progress_to_instructors,
on by default; every user has a Preferences row, accounts.signals). Every view that
shows an instructor a learner's progress, attempts, flashcards, mock orals or
analytics narrows its enrollments with `shared()` first.
"""

from django.db.models import Q

from .models import Enrollment

CURRENT = (Enrollment.Status.ACTIVE, Enrollment.Status.COMPLETED)

SHARED = Q(share_progress=True) | Q(
    share_progress__isnull=True, user__preferences__show_progress_to_instructors=True
)


def shared(enrollments):
    """`enrollments` narrowed to those whose learner shares them with the instructors."""
    return enrollments.filter(SHARED)


def shares(enrollment):
    """The rule for one enrollment already in memory (reads the learner's preferences)."""
    if enrollment.share_progress is not None:
        return enrollment.share_progress
    preferences = getattr(enrollment.user, "preferences", None)
    return bool(preferences and preferences.show_progress_to_instructors)


def set_sharing(enrollment, share):
    """Record the learner's choice for this course (True, False, or None to follow the
    account-wide preference again)."""
    Enrollment.objects.filter(pk=enrollment.pk).update(share_progress=share)
    enrollment.share_progress = share


def current_shared(course_ids):
    """Active or completed enrollments in `course_ids` that their learners share."""
    return shared(Enrollment.objects.filter(course_id__in=course_ids, status__in=CURRENT))
