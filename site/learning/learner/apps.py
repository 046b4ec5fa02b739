from django.apps import AppConfig


class LearnerConfig(AppConfig):
    """What one learner sees across every study tool: the dashboard and ACS readiness.

    It sits on top of the per-learner apps (enrollments, assessments, flashcards, orals)
    and reads from all of them, so none of them has to import another to show a summary.
    It owns no models.
    """

    name = "learning.learner"
    label = "learner"
    verbose_name = "Learner overview"
