from django.apps import AppConfig


class OralsConfig(AppConfig):
    """Mock oral exams over chosen ACS tasks, built on a scenario, graded per task."""

    name = "learning.orals"
    label = "orals"
    verbose_name = "Mock orals"
