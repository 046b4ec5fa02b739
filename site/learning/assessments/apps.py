from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    """Quizzes instructors write and learners take, graded on the server."""

    name = "learning.assessments"
    label = "assessments"
    verbose_name = "Assessments"

    def ready(self):
        from . import lesson_quizzes  # noqa: F401 - forgets cached lesson quizzes on change
