from django.apps import AppConfig


class OralsConfig(AppConfig):
    """Mock oral exams planned from the ACS the way an examiner must plan them."""

    name = "learning.orals"
    label = "orals"
    verbose_name = "Mock orals"
