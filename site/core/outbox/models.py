"""The outbox table: one row per task the app means to run (see core.outbox)."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone


class TaskIntent(models.Model):
    """A Celery task to run at least once. Its id is the Celery task_id, so a worker
    reports back on the very row (core.outbox.signals)."""

    class Outcome(models.TextChoices):
        SUCCESS = "success", "Succeeded"
        FAILURE = "failure", "Failed"
        IGNORED = "ignored", "Ignored"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    task_name = models.CharField(max_length=200)
    args = models.JSONField(default=list, blank=True)
    kwargs = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # When the relay may (re)publish it: after a failed publish, the backoff; after a
    # publish, the visibility timeout (a worker should have finished it by then).
    next_attempt_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)  # publishes tried, good or bad
    published_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)  # a worker picked it up
    done_at = models.DateTimeField(null=True, blank=True)  # a worker finished it
    outcome = models.CharField(max_length=8, choices=Outcome.choices, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [
            # The relay: unfinished rows by due time. Partial, so done rows cost nothing.
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(done_at__isnull=True),
                name="core_intent_due",
            ),
            # /healthz (oldest pending) and "is this job still queued?" look-ups.
            models.Index(
                fields=["task_name", "created_at"],
                condition=Q(done_at__isnull=True),
                name="core_intent_pending",
            ),
            # Pruning old finished rows.
            models.Index(
                fields=["done_at"], condition=Q(done_at__isnull=False), name="core_intent_done"
            ),
        ]

    def __str__(self):
        return f"{self.task_name} [{self.pk}]"

    def waiting_for_worker(self, now=None, after_seconds=15):
        """Not finished and nobody is on it: never published (the broker was down), or
        published a while ago and not yet picked up (no worker consuming)."""
        if self.done_at is not None or self.started_at is not None:
            return False
        if self.published_at is None:
            return True
        now = now or timezone.now()
        return (now - self.published_at).total_seconds() > after_seconds


class WorkerHeartbeat(models.Model):
    """When each Celery worker last showed it is alive (written by the worker)."""

    hostname = models.CharField(max_length=255, primary_key=True)
    seen_at = models.DateTimeField()

    def __str__(self):
        return f"{self.hostname} at {self.seen_at:%Y-%m-%d %H:%M:%S}"
