"""Keep enrollment progress right when a course's live lessons change, and tell a
course's learners about a lesson published for the first time."""

from django.dispatch import receiver

from wagtail.signals import page_published

from community.notifications.services import is_quiet
from core.outbox import enqueue
from learning.courses.models import LessonPage
from learning.courses.signals import course_tree_changed


@receiver(course_tree_changed)
def recompute_progress_of_course(sender, course_id, **kwargs):
    from .tasks import recompute_course_progress

    enqueue(recompute_course_progress, course_id)  # published once this commits


@receiver(page_published)
def announce_new_lesson(sender, instance, **kwargs):
    """A lesson published for the first time is news for the course's learners."""
    from .announcements import lesson_first_published
    from .tasks import announce_lesson

    if is_quiet():  # a bulk load (the demo) publishes lessons nobody is waiting for
        return
    if isinstance(instance, LessonPage) and lesson_first_published(instance):
        enqueue(announce_lesson, instance.pk)  # published once this commits
