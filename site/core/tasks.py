"""Celery finds the core app's tasks here (autodiscovery looks for <app>.tasks)."""

from .outbox.tasks import relay_outbox

__all__ = ["relay_outbox"]
