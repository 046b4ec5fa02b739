"""The outbox relay as a Celery task: beat runs it every 30 seconds (settings)."""

from celery import shared_task

from .publishing import drain, prune, record_heartbeat


@shared_task(bind=True, ignore_result=True)
def relay_outbox(self):
    """Publish due intents (batch after batch, for up to 20 s), prune old finished
    ones, and note this worker is alive.

    Beat publishes it directly, not through the outbox: a lost run is simply followed
    by the next one."""
    record_heartbeat(self.request.hostname)
    counts = drain(seconds=20)
    counts["pruned"] = prune()
    return counts
