from django.apps import AppConfig


class InstructorsConfig(AppConfig):
    """The instructor's side of Groundschool: profiles, rosters and student pages,
    cohorts, grading feedback, logbook endorsements, analytics snapshots and course
    templates. An aggregator: it reads every learning app and none reads it."""

    name = "learning.instructors"
    label = "instructors"
    verbose_name = "Instructors"

    def ready(self):
        from .cohorts import receivers  # noqa: F401 - invitations join on confirmation
        from .endorsements import guards  # noqa: F401 - signed endorsements stay frozen
