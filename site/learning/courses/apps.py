from django.apps import AppConfig


class CoursesConfig(AppConfig):
    """Courses, modules and lessons as Wagtail pages, with tiered lesson access."""

    name = "learning.courses"
    label = "courses"
    verbose_name = "Courses"

    def ready(self):
        from . import signals  # noqa: F401  (keeps course durations in step with lessons)
