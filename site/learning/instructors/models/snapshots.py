"""Nightly analytics snapshots: one row per subject and day, recomputed from the source
records by learning.instructors.analytics (so running a day twice gives the same row).
The seed's course, instructor, learner and platform statistics, with their history."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Snapshot(models.Model):
    day = models.DateField()
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-day"]

    def __str__(self):
        return f"{self._meta.verbose_name} of {self.day}"


class CourseSnapshot(Snapshot):
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    enrollments = models.PositiveIntegerField(default=0)
    new_enrollments = models.PositiveIntegerField(default=0)
    active_learners = models.PositiveIntegerField(default=0, help_text="Active in 7 days.")
    completions = models.PositiveIntegerField(default=0)
    completion_rate = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    average_progress = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    average_quiz_score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    average_rating = models.DecimalField(max_digits=3, decimal_places=2, null=True, blank=True)
    rating_count = models.PositiveIntegerField(default=0)
    time_spent = models.PositiveBigIntegerField(default=0, help_text="Seconds, all learners.")
    lesson_dropoff = models.JSONField(
        default=list, blank=True, help_text="[{lesson_id, title, reached, completed}] in order."
    )

    class Meta(Snapshot.Meta):
        constraints = [
            models.UniqueConstraint(fields=["course", "day"], name="instructors_course_day")
        ]


class InstructorSnapshot(Snapshot):
    """The seed's InstructorAnalytics and its history: the latest row is "now"."""

    instructor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    total_students = models.PositiveIntegerField(default=0)
    total_courses = models.PositiveIntegerField(default=0)
    average_rating = models.DecimalField(max_digits=3, decimal_places=2, null=True, blank=True)
    total_reviews = models.PositiveIntegerField(default=0)
    completion_rate = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    students_at_risk = models.PositiveIntegerField(default=0)
    endorsements_given = models.PositiveIntegerField(default=0)

    class Meta(Snapshot.Meta):
        constraints = [
            models.UniqueConstraint(fields=["instructor", "day"], name="instructors_instructor_day")
        ]


class LearnerSnapshot(Snapshot):
    """The seed's UserLearningStatistics, per day, plus what a roster needs that is too
    heavy to compute live for thousands of learners: ACS readiness per area and
    flashcard retention."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    hours = models.DecimalField(max_digits=8, decimal_places=2, default=0)
    lessons_completed = models.PositiveIntegerField(default=0)
    courses_completed = models.PositiveIntegerField(default=0)
    streak_days = models.PositiveIntegerField(default=0)
    cards_reviewed = models.PositiveIntegerField(default=0, help_text="In the last 30 days.")
    retention = models.DecimalField(
        max_digits=5, decimal_places=2, null=True, blank=True, help_text="% recalled, 30 days."
    )
    average_score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    acs_readiness = models.JSONField(
        default=dict, blank=True, help_text="{standard slug: {area code: percent}}."
    )

    class Meta(Snapshot.Meta):
        constraints = [
            models.UniqueConstraint(fields=["learner", "day"], name="instructors_learner_day")
        ]


class PlatformSnapshot(Snapshot):
    total_courses = models.PositiveIntegerField(default=0)
    total_students = models.PositiveIntegerField(default=0)
    total_instructors = models.PositiveIntegerField(default=0)
    active_learners = models.PositiveIntegerField(default=0, help_text="Active in 7 days.")
    premium_learners = models.PositiveIntegerField(default=0)
    total_enrollments = models.PositiveIntegerField(default=0)
    total_lessons_completed = models.PositiveIntegerField(default=0)
    total_certificates_issued = models.PositiveIntegerField(default=0)
    cards_reviewed = models.PositiveIntegerField(default=0, help_text="That day.")

    class Meta(Snapshot.Meta):
        constraints = [models.UniqueConstraint(fields=["day"], name="instructors_platform_day")]
