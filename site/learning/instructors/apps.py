from django.apps import AppConfig


class InstructorsConfig(AppConfig):
    """The instructor's side of Groundschool: profiles, rosters and student pages,
    cohorts, grading feedback, logbook endorsements, analytics snapshots and course
    templates. An aggregator: it reads every learning app and none reads it."""

    name = "learning.instructors"
    label = "instructors"
    verbose_name = "Instructors"
