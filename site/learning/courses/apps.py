from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def sync_course_teams_after_migrate(sender, **kwargs):
    """After `migrate`, once every app has migrated (so Wagtail's page permissions exist):
    every course's team group in step (team_access), for databases older than the groups."""
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1]:
        return
    from .team_access import sync_every_course

    sync_every_course()


class CoursesConfig(AppConfig):
    """Courses, modules and lessons as Wagtail pages, with tiered lesson access."""

    name = "learning.courses"
    label = "courses"
    verbose_name = "Courses"

    def ready(self):
        # signals keeps course durations and team page rights in step with the tree and
        # the team rows; cards drops cached course cards when lessons are recounted.
        from . import cards, signals  # noqa: F401

        post_migrate.connect(sync_course_teams_after_migrate, dispatch_uid="courses_sync_teams")
