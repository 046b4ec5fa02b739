from django.apps import AppConfig


class EnrollmentsConfig(AppConfig):
    """Who studies which course, how far they got, and what they earned and noted."""

    name = "learning.enrollments"
    label = "enrollments"
    verbose_name = "Enrollments and progress"

    def ready(self):
        from . import signals  # noqa: F401  (progress follows the course tree)
