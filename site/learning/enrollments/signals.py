"""Keep enrollment progress right when a course's live lessons change."""

from django.dispatch import receiver

from core.outbox import enqueue
from learning.courses.signals import course_tree_changed


@receiver(course_tree_changed)
def recompute_progress_of_course(sender, course_id, **kwargs):
    from .tasks import recompute_course_progress

    enqueue(recompute_course_progress, course_id)  # published once this commits
