"""Course announcements: an instructor's message to every learner enrolled in a course.

The row is written in the request; the fan-out to learners runs later in Celery
(tasks.send_announcement), which stamps `sent_at` and `recipient_count` once, so a
retried task never announces twice.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Announcement(models.Model):
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="announcements"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=120)
    body = models.TextField(max_length=5000, help_text="Plain text.")
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    recipient_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["course", "-created_at"], name="announcements_recent")]

    def __str__(self):
        return self.title

    @property
    def is_sent(self):
        return self.sent_at is not None
