"""A learner's place in a course (Enrollment) and in each lesson (LessonProgress)."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone


class Enrollment(models.Model):
    """One per learner and course (a database constraint, so parallel enroll requests
    cannot make two). Progress is stored for listings but always recomputed from the
    live lessons and the learner's LessonProgress rows, never incremented."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        COMPLETED = "completed", "Completed"
        DROPPED = "dropped", "Dropped"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="enrollments"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    enrolled_date = models.DateTimeField(default=timezone.now)
    completion_date = models.DateTimeField(null=True, blank=True)
    last_accessed = models.DateTimeField(null=True, blank=True)
    last_lesson = models.ForeignKey(
        "courses.LessonPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    progress_percentage = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(100)]
    )
    total_time_spent = models.PositiveIntegerField(default=0, help_text="Seconds.")
    share_progress = models.BooleanField(
        null=True,
        blank=True,
        help_text="Whether this course's instructors see the learner's progress; empty "
        "follows the learner's account-wide preference (enrollments.sharing).",
    )

    class Meta:
        ordering = ["-enrolled_date"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="enrollments_once_per_course"),
            models.CheckConstraint(
                condition=models.Q(progress_percentage__lte=100),
                name="enrollments_progress_at_most_100",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "status"]),
            # The admin's enrollment list, newest first, without sorting every enrollment.
            models.Index(fields=["enrolled_date", "id"], name="enrollments_recent"),
        ]

    def __str__(self):
        return f"{self.user} in {self.course}"

    @property
    def is_current(self):
        """Active or completed: the learner still counts as enrolled."""
        return self.status != self.Status.DROPPED


class LessonProgress(models.Model):
    """How far a learner is in one lesson; a video lesson remembers where playback was."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="progress")
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="progress"
    )
    completed = models.BooleanField(default=False)
    completed_date = models.DateTimeField(null=True, blank=True)
    time_spent = models.PositiveIntegerField(default=0, help_text="Seconds.")
    percentage = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(100)])
    video_position = models.PositiveIntegerField(
        default=0, help_text="Seconds into the video, so the player resumes there."
    )
    last_accessed = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "lesson progress"
        ordering = ["-last_accessed"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "lesson"], name="enrollments_progress_once_per_lesson"
            ),
            models.CheckConstraint(
                condition=models.Q(percentage__lte=100), name="enrollments_lesson_pct_at_most_100"
            ),
        ]
        # The admin's lesson progress list, latest first, without sorting every row.
        indexes = [models.Index(fields=["last_accessed", "id"], name="enrollments_progress_recent")]

    def __str__(self):
        return f"{self.enrollment.user} · {self.lesson}"
