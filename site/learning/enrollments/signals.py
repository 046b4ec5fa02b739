"""Keep enrollment progress right when a course's live lessons change."""

from django.db import transaction
from django.dispatch import receiver

from learning.courses.signals import course_tree_changed


@receiver(course_tree_changed)
def recompute_progress_of_course(sender, course_id, **kwargs):
    from .tasks import recompute_course_progress

    transaction.on_commit(lambda: recompute_course_progress.delay(course_id), robust=True)
