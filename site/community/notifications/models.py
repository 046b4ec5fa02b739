"""In-app notifications, each learner's channel per kind, and the digest ledger.

The app sits just above accounts: every other app may call notify(), so this one knows
its targets only generically (a content type and id, a URL and a short text). The
kinds are listed in kinds.py.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class Channel(models.TextChoices):
    """How a recipient hears about one kind of notification."""

    IN_APP = "in_app", "On the site only"
    EMAIL = "email", "Email right away"
    DIGEST = "digest", "Daily digest email"
    OFF = "off", "Off"


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    target_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    text = models.CharField(max_length=255)
    url = models.CharField(max_length=500, blank=True)
    # Notifications sharing a key collapse into one line ("3 new messages from Ida").
    group_key = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notif_recipient_new"),
            models.Index(
                fields=["recipient", "read_at"],
                name="notif_recipient_unread",
                condition=models.Q(read_at__isnull=True),
            ),
        ]

    def __str__(self):
        return f"{self.kind} for {self.recipient_id}: {self.text}"

    @property
    def is_read(self):
        return self.read_at is not None


class NotificationPreference(models.Model):
    """A recipient's chosen channel for one kind; a kind without a row uses its default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=40)
    channel = models.CharField(max_length=10, choices=Channel.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notif_preference_once")
        ]

    def __str__(self):
        return f"{self.user_id} {self.kind}: {self.channel}"


class DigestSent(models.Model):
    """One row per recipient and day a digest went out: written before the email, under
    a unique constraint, so the beat task run twice sends one digest."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="notif_digest_once")]

    def __str__(self):
        return f"digest for {self.user_id} on {self.day}"


def target_fields(target):
    """(content type, id) for a notification's target, or (None, "")."""
    if target is None:
        return None, ""
    return ContentType.objects.get_for_model(target), str(target.pk)
