"""Conversations, the people in them, and their messages.

Names follow the checkride seed (Conversation, Participant, Message with `content`).
What the seed kept as a per-message `is_read` flag lives on the Participant instead
(`last_read_message`): one row per reader rather than one flag per message, so unread
counts are a count of newer messages and stay exact when messages arrive in parallel.

Attachments are private files (core.storage keeps any name outside the public prefixes
private); the thread view hands them out by signed URL to participants only.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

MAX_BODY_LENGTH = 4000


class Conversation(models.Model):
    """A direct conversation between two people, or a group (a course cohort)."""

    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct"
        GROUP = "group", "Group"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.DIRECT)
    title = models.CharField(max_length=255, blank=True)
    topic = models.CharField(
        max_length=255, blank=True, help_text="What it is about, e.g. a lesson."
    )
    course = models.ForeignKey(
        "courses.CoursePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # "<smaller user id>:<larger user id>" for a direct conversation: one per pair of people.
    direct_key = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Time of the newest message (or creation): the conversation list's order.
    updated_at = models.DateTimeField(default=timezone.now)
    # The newest visible message, for the list's preview line without a query per row.
    last_message = models.ForeignKey(
        "Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    archived = models.BooleanField(default=False)

    class Meta:
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["course"],
                condition=Q(kind="group", archived=False),
                name="chat_one_open_group_per_course",
            )
        ]

    def __str__(self):
        return self.title or f"Conversation {self.pk}"


class Participant(models.Model):
    """One person's membership of a conversation and how far they have read."""

    class Role(models.TextChoices):
        LEARNER = "learner", "Learner"
        INSTRUCTOR = "instructor", "Instructor"
        STAFF = "staff", "Staff"

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_participations"
    )
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.LEARNER)
    joined_at = models.DateTimeField(default=timezone.now)
    last_read_message = models.ForeignKey(
        "Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_read_at = models.DateTimeField(null=True, blank=True)
    muted = models.BooleanField(default=False)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="chat_participant_once")
        ]
        indexes = [models.Index(fields=["user", "left_at"], name="chat_part_user_left")]

    def __str__(self):
        return f"{self.user} in {self.conversation}"

    @property
    def active(self):
        return self.left_at is None


class Message(models.Model):
    """One message. Deleting keeps the row (the thread shows "message deleted");
    editing keeps every earlier text in MessageEdit for moderators."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    content = models.TextField(max_length=MAX_BODY_LENGTH, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    is_deleted = models.BooleanField(default=False)
    deleted_at = models.DateTimeField(null=True, blank=True)
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attachment = models.FileField(upload_to="chat/%Y/%m/", blank=True, max_length=255)
    attachment_name = models.CharField(max_length=255, blank=True)
    attachment_type = models.CharField(max_length=100, blank=True)
    attachment_size = models.PositiveIntegerField(null=True, blank=True)
    # The sender's form or socket sends a fresh token with each message, so a double
    # submit or a resend after a dropped connection stores the message once.
    client_token = models.UUIDField(null=True, blank=True, default=None)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["conversation", "id"], name="chat_msg_conv_id")]
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "client_token"],
                condition=Q(client_token__isnull=False),
                name="chat_message_token_once",
            )
        ]

    def __str__(self):
        return f"Message {self.pk} in {self.conversation_id}"

    @property
    def is_image(self):
        return self.attachment_type.startswith("image/")


class MessageEdit(models.Model):
    """The text a message had before an edit, kept for moderators."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="edits")
    previous_content = models.TextField()
    edited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["edited_at", "id"]

    def __str__(self):
        return f"Edit of message {self.message_id} at {self.edited_at:%Y-%m-%d %H:%M}"


class Block(models.Model):
    """`blocker` no longer receives anything from `blocked`, and neither can start a
    conversation with the other."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_blocks"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="chat_block_once"),
            models.CheckConstraint(
                condition=~Q(blocker=models.F("blocked")), name="chat_block_not_self"
            ),
        ]

    def __str__(self):
        return f"{self.blocker_id} blocks {self.blocked_id}"


class MessageReport(models.Model):
    """A participant's report of a message, waiting in the moderators' admin queue."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DISMISSED = "dismissed", "Dismissed"
        REMOVED = "removed", "Message removed"

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["message", "reporter"], name="chat_report_once")
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="chat_report_queue")]

    def __str__(self):
        return f"Report of message {self.message_id} ({self.get_status_display()})"
