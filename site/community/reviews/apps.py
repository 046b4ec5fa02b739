from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    """Learners' ratings and reviews of the courses they took, moderated before they show."""

    name = "community.reviews"
    label = "reviews"
    verbose_name = "Course reviews"

    def ready(self):
        from . import signals  # noqa: F401  (ratings follow cascaded deletes)
