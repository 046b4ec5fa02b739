"""Whether an import is still waiting in the task outbox (core.outbox) for a worker.

A job's run is queued through the outbox, so when the broker is down or no worker is
consuming, the job page says so ("queued") instead of showing a bar stuck at 0%.
"""

from core.outbox import pending_intent

from ..models import ImportStatus

QUEUED = "queued"  # waiting for the broker or a worker; it starts when one is back
STARTING = "starting"  # just handed to a worker
QUEUED_LABEL = "Queued"
QUEUED_MESSAGE = (
    "Your import is queued and will start when the background worker is back. "
    "Nothing is lost: you can leave this page and come back later."
)


def queue_state(job):
    """QUEUED, STARTING or None (no run queued, or it already started or finished)."""
    if job.status != ImportStatus.PENDING:
        return None
    from .tasks import run_import

    intent = pending_intent(run_import, job.pk)
    if intent is None:
        return None
    return QUEUED if intent.waiting_for_worker() else STARTING


def status_label(job, state):
    return QUEUED_LABEL if state == QUEUED else job.get_status_display()
