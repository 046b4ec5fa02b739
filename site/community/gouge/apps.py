from django.apps import AppConfig


class GougeConfig(AppConfig):
    """Applicants' checkride reports about examiners, moderated, and fair aggregates."""

    name = "community.gouge"
    label = "gouge"
    verbose_name = "Checkride gouge"
