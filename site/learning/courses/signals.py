"""Recount course totals whenever a lesson or module appears, changes or goes away, and
keep each course's team group (page rights, team_access) in step with its team rows."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from wagtail.signals import page_published, page_unpublished, post_page_move

from pages.home_blocks import STATS_CACHE_KEY

from .models import CourseInstructor, CoursePage, LessonPage, ModulePage
from .team_access import drop_course_team, sync_course_team, sync_members

TREE_MODELS = (LessonPage, ModulePage)

# Sent (after commit) with `course_id` once a course's live lessons may have changed,
# so per-learner state built on them (enrollment progress) can be recomputed.
course_tree_changed = Signal()


def _ancestor_paths(path):
    step = CoursePage.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


def refresh_courses_above(*paths):
    """After commit, recount every course that is (or contains) one of `paths`."""
    from .services import refresh_course_totals

    candidates = {prefix for path in paths if path for prefix in _ancestor_paths(path)}
    course_ids = CoursePage.objects.filter(path__in=candidates).values_list("pk", flat=True)
    for course_id in list(course_ids):
        transaction.on_commit(lambda pk=course_id: refresh_course_totals(pk), robust=True)


@receiver(page_published)
@receiver(page_unpublished)
def on_publish_change(sender, instance, **kwargs):
    """A lesson or module changes its course's totals; a course's own publish may switch
    on its certificate, so learners who already finished it are looked at again too."""
    if isinstance(instance, (*TREE_MODELS, CoursePage)):
        refresh_courses_above(instance.path)


@receiver(post_delete, sender=LessonPage)
@receiver(post_delete, sender=ModulePage)
def on_delete(sender, instance, **kwargs):
    refresh_courses_above(instance.path)


@receiver(post_page_move)
def on_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if issubclass(sender, TREE_MODELS):
        refresh_courses_above(parent_page_before.path, parent_page_after.path)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_delete, sender=CoursePage)
@receiver(post_delete, sender=LessonPage)
def forget_home_stats(sender, instance, **kwargs):
    """The home page's course and lesson counts change with what is live."""
    if isinstance(instance, (CoursePage, LessonPage)):
        cache.delete(STATS_CACHE_KEY)


@receiver(post_save, sender=CourseInstructor)
def follow_team_row(sender, instance, raw=False, **kwargs):
    """A saved team row changes who may edit the course's pages (team_access)."""
    if raw:
        return
    course = CoursePage.objects.filter(pk=instance.page_id).only("pk", "title").first()
    if course is not None:
        sync_course_team(course)


@receiver(post_delete, sender=CourseInstructor)
def follow_removed_row(sender, instance, **kwargs):
    sync_members(instance.page_id)


@receiver(post_delete, sender=CoursePage)
def drop_team_of_deleted_course(sender, instance, **kwargs):
    drop_course_team(instance.pk)
