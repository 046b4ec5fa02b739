from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    """Quizzes instructors write and learners take, graded on the server."""

    name = "learning.assessments"
    label = "assessments"
    verbose_name = "Assessments"
