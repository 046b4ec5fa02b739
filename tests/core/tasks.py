"""Tasks for the outbox tests (registered on import; eager runs only)."""

from celery import shared_task

CALLS = []


@shared_task(name="tests.core.record")
def record(value, label="call"):
    CALLS.append((label, value))
    return value


@shared_task(name="tests.core.explode")
def explode():
    raise RuntimeError("the task broke")
