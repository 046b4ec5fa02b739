"""A learner's own notes on lessons and bookmarks of courses or lessons: private to them."""

from django.conf import settings
from django.db import models
from django.utils import timezone

NOTE_MAX_LENGTH = 10_000
TAGS_MAX_LENGTH = 200


class Note(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notes"
    )
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(max_length=NOTE_MAX_LENGTH)
    video_timestamp = models.PositiveIntegerField(
        null=True, blank=True, help_text="Seconds into the lesson video this note is about."
    )
    tags = models.CharField(
        max_length=TAGS_MAX_LENGTH, blank=True, help_text="Comma-separated, e.g. airspace, VFR."
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["user", "-updated_at"])]

    def __str__(self):
        return f"Note by {self.user} on {self.lesson}"

    @property
    def tag_list(self):
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]


class Bookmark(models.Model):
    """A course or a lesson page the learner wants to find again (one per page)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmarks"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="enrollments_bookmark_once")
        ]

    def __str__(self):
        return f"{self.user} bookmarked {self.page}"
