"""Workers report back on the outbox rows: started, retrying, done (core.outbox).

Only messages the outbox sent (marked with its header) touch the database; beat's
periodic tasks and eager runs (recorded by publishing._run_here) do not.
"""

import logging
from datetime import timedelta

from django.utils import timezone

from celery import states
from celery.signals import task_postrun, task_prerun, task_retry, worker_ready

from .models import TaskIntent
from .publishing import (
    FORGET_ARGUMENTS,
    HEADER,
    _error_text,
    record_heartbeat,
    relay,
    visibility_timeout,
)

logger = logging.getLogger("core.outbox")

OUTCOMES = {
    states.SUCCESS: TaskIntent.Outcome.SUCCESS,
    states.FAILURE: TaskIntent.Outcome.FAILURE,
    states.IGNORED: TaskIntent.Outcome.IGNORED,
}


def _from_outbox(request):
    if request is None or request.is_eager:
        return False
    return bool(request.get(HEADER) or (request.headers or {}).get(HEADER))


def _unfinished(task_id):
    return TaskIntent.objects.filter(pk=task_id, done_at__isnull=True)


@task_prerun.connect
def intent_started(task_id=None, task=None, **kwargs):
    """A worker took the task: not waiting any more, and its visibility timeout starts
    now (a long queue before it must not get it republished while it runs)."""
    if not _from_outbox(task.request):
        return
    now = timezone.now()
    try:
        _unfinished(task_id).update(started_at=now, next_attempt_at=now + visibility_timeout())
    except Exception:
        logger.exception("Could not mark outbox task %s started", task_id)


@task_retry.connect
def intent_retrying(request=None, reason=None, **kwargs):
    """The task scheduled its own retry: republish only if that retry is lost too."""
    if not _from_outbox(request):
        return
    now = timezone.now()
    when = getattr(reason, "when", None)
    if isinstance(when, (int, float)):
        eta = now + timedelta(seconds=when)
    elif hasattr(when, "tzinfo"):
        eta = when if timezone.is_aware(when) else timezone.make_aware(when)
    else:
        eta = now
    error = getattr(reason, "exc", None) or reason
    try:
        _unfinished(request.id).update(
            next_attempt_at=max(eta, now) + visibility_timeout(), last_error=_error_text(error)
        )
    except Exception:
        logger.exception("Could not record the retry of outbox task %s", request.id)


@task_postrun.connect
def intent_finished(task_id=None, task=None, state=None, retval=None, **kwargs):
    """Done when the task finished on a worker: succeeded, failed for good or ignored.
    A retry (state RETRY) or a rejection that requeues the message is not finished."""
    if state not in OUTCOMES or not _from_outbox(task.request):
        return
    fields = {"done_at": timezone.now(), "outcome": OUTCOMES[state]}
    if state == states.FAILURE:
        fields["last_error"] = _error_text(retval)
    else:
        fields.update(FORGET_ARGUMENTS)
    try:
        _unfinished(task_id).update(**fields)
    except Exception:
        logger.exception("Could not mark outbox task %s done", task_id)


@worker_ready.connect
def worker_started(sender=None, **kwargs):
    """A worker is up, so the broker is back: publish what waited for it right away."""
    hostname = getattr(sender, "hostname", None)
    try:
        record_heartbeat(hostname)
        counts = relay(unpublished=True)
    except Exception:
        logger.exception("The outbox relay failed on worker start")
        return
    logger.info("Outbox relay on worker start: %s", counts)
