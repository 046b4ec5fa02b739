"""Models of the core app; each lives in its own feature module."""

from .outbox.models import TaskIntent, WorkerHeartbeat

__all__ = ["TaskIntent", "WorkerHeartbeat"]
