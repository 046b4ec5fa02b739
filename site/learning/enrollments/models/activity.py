"""What learners did, for analytics (UserActivity), and on which days (StudyDay)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ActivityType(models.TextChoices):
    ENROLLED = "enrolled", "Enrolled"
    LEFT = "left", "Left a course"
    LESSON_VIEWED = "lesson_viewed", "Viewed a lesson"
    LESSON_COMPLETED = "lesson_completed", "Completed a lesson"
    COURSE_COMPLETED = "course_completed", "Completed a course"
    CERTIFICATE_ISSUED = "certificate_issued", "Earned a certificate"
    ASSESSMENT_PASSED = "assessment_passed", "Passed an assessment"


class UserActivity(models.Model):
    """An append-only log the services write; nothing reads it to make decisions."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activities"
    )
    type = models.CharField(max_length=24, choices=ActivityType.choices)
    course = models.ForeignKey(
        "courses.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The assessments app does not exist yet; its id is kept so history survives.
    assessment_id = models.PositiveBigIntegerField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name_plural = "user activities"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self):
        return f"{self.user} {self.get_type_display()} at {self.created_at:%Y-%m-%d %H:%M}"


class StudyDay(models.Model):
    """A calendar day, in the learner's own timezone at the time, on which they studied.

    The streak is a run of consecutive days; storing the local date when it happens
    means a later timezone change never rewrites past days.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_days"
    )
    date = models.DateField()

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["user", "date"], name="enrollments_study_day_once")
        ]

    def __str__(self):
        return f"{self.user} studied on {self.date}"
