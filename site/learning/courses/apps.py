from django.apps import AppConfig


class CoursesConfig(AppConfig):
    """Courses, modules and lessons as Wagtail pages, with tiered lesson access."""

    name = "learning.courses"
    label = "courses"
    verbose_name = "Courses"

    def ready(self):
        # signals keeps course durations in step with lessons; cards drops cached course
        # cards when lessons are recounted.
        from . import cards, signals  # noqa: F401
