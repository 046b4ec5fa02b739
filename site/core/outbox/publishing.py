"""enqueue, publish and relay task intents (the design is in core.outbox's docstring)."""

import contextlib
import logging
import time
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, F, Max, Min, Q
from django.utils import timezone

from celery import current_app, states
from kombu.exceptions import OperationalError

from .models import TaskIntent, WorkerHeartbeat

logger = logging.getLogger("core.outbox")

HEADER = "outbox_intent"  # message header marking tasks sent through the outbox
# A fresh row is left to its own on-commit publish this long before the relay takes it.
RELAY_GRACE = timedelta(seconds=15)
CLAIM = timedelta(seconds=60)  # a relay's hold on the rows it is publishing
BACKOFF_BASE_SECONDS = 5
BACKOFF_MAX_SECONDS = 300
RELAY_BATCH = 200
KEEP_DONE = timedelta(days=7)
KEEP_HEARTBEATS = timedelta(days=1)
PRUNE_BATCH = 1000
# After a connection failure this process stops trying to publish on commit for a
# while (the relay does it), so a broker that hangs slows one request, not all of them.
BREAKER_SECONDS = 10
BROKER_DOWN_ERRORS = (OperationalError, ConnectionError, OSError, TimeoutError)

# A finished task's arguments are dropped (an email's payload holds sign-in and reset
# links); a failed one keeps them, to diagnose and replay, until it is pruned.
FORGET_ARGUMENTS = {"args": [], "kwargs": {}}

_breaker = {"open_until": 0.0}


def visibility_timeout():
    return timedelta(seconds=getattr(settings, "OUTBOX_VISIBILITY_TIMEOUT", 60 * 60))


def publish_timeout():
    return getattr(settings, "OUTBOX_PUBLISH_TIMEOUT", 2)


def backoff(attempts):
    """Wait before the next publish after `attempts` failed ones: 5 s, 10 s, ... 5 min."""
    seconds = BACKOFF_BASE_SECONDS * 2 ** max(0, attempts - 1)
    return timedelta(seconds=min(BACKOFF_MAX_SECONDS, seconds))


def reset_breaker():
    _breaker["open_until"] = 0.0


def _error_text(error):
    return f"{type(error).__name__}: {error}"[:2000]


def is_eager():
    return bool(current_app.conf.task_always_eager)


def enqueue(task, *args, **kwargs):
    """Run `task(*args, **kwargs)` at least once, after the current transaction commits.

    `task` is a Celery task or its name; the arguments must be JSON. Returns the row.
    """
    name = task if isinstance(task, str) else task.name
    now = timezone.now()
    intent = TaskIntent.objects.create(
        task_name=name,
        args=list(args),
        kwargs=kwargs,
        created_at=now,
        next_attempt_at=now + RELAY_GRACE,
    )
    transaction.on_commit(partial(_publish_after_commit, intent), robust=True)
    return intent


def _publish_after_commit(intent):
    if not is_eager() and time.monotonic() < _breaker["open_until"]:
        return  # the broker was down a moment ago: the relay will publish this row
    publish(intent)


@contextlib.contextmanager
def broker_connection():
    """A connection of its own for publishing: short timeouts and no connection
    retries, unlike Celery's pool (whose default waits seconds on a dead broker)."""
    seconds = publish_timeout()
    conn = current_app.connection_for_write(
        connect_timeout=seconds,
        transport_options={
            "max_retries": 0,
            "socket_connect_timeout": seconds,
            "socket_timeout": seconds,
        },
    )
    try:
        yield conn
    finally:
        conn.release()


def publish(intent, conn=None):
    """Publish one intent (run it, in eager mode) and record how that went.

    Returns "published", "ran" (eager), "failed" or "broker_down". Never raises.
    """
    try:
        if is_eager():
            return _run_here(intent)
        # By name: `manage.py relay_outbox` runs without the tasks' modules imported.
        options = {"task_id": str(intent.pk), "retry": False, "headers": {HEADER: True}}
        send = partial(current_app.send_task, intent.task_name, intent.args, intent.kwargs)
        if conn is None:
            with broker_connection() as own:
                send(connection=own, **options)
        else:
            send(connection=conn, **options)
    except Exception as error:
        broker_down = isinstance(error, BROKER_DOWN_ERRORS)
        if broker_down:
            _breaker["open_until"] = time.monotonic() + BREAKER_SECONDS
        _record_failure(intent, error)
        log = logger.warning if broker_down else logger.exception
        log("Task %s[%s] not published yet; it will be retried", intent.task_name, intent.pk)
        return "broker_down" if broker_down else "failed"
    now = timezone.now()
    try:
        TaskIntent.objects.filter(pk=intent.pk).update(
            published_at=now,
            attempts=F("attempts") + 1,
            next_attempt_at=now + visibility_timeout(),
        )
    except Exception:  # it went out; at worst the relay sends it again (idempotent)
        logger.exception("Task %s[%s] published but not recorded", intent.task_name, intent.pk)
    return "published"


def _record_failure(intent, error):
    attempts = intent.attempts + 1
    with contextlib.suppress(Exception):  # the database may be what failed
        TaskIntent.objects.filter(pk=intent.pk, done_at__isnull=True).update(
            attempts=F("attempts") + 1,
            last_error=_error_text(error),
            next_attempt_at=timezone.now() + backoff(attempts),
        )
    intent.attempts = attempts


def _run_here(intent):
    """Eager mode: run the task in this process now, as .delay() did without a broker."""
    task = current_app.tasks[intent.task_name]
    result = task.apply(intent.args, intent.kwargs, task_id=str(intent.pk), throw=False)
    now = timezone.now()
    fields = {"published_at": now, "attempts": F("attempts") + 1}
    if result.state == states.SUCCESS:
        fields.update(done_at=now, outcome=TaskIntent.Outcome.SUCCESS, **FORGET_ARGUMENTS)
    elif result.state == states.FAILURE:
        logger.error("Task %s[%s] failed:\n%s", intent.task_name, intent.pk, result.traceback or "")
        fields.update(
            done_at=now, outcome=TaskIntent.Outcome.FAILURE, last_error=_error_text(result.result)
        )
    else:
        fields.update(next_attempt_at=now + backoff(intent.attempts + 1))
    TaskIntent.objects.filter(pk=intent.pk).update(**fields)
    return "ran"


def _claim(now, limit):
    """Take the due rows for this relay: they stop being due for CLAIM, so a parallel
    relay skips them; SKIP LOCKED keeps two relays off the same rows meanwhile."""
    due = TaskIntent.objects.filter(done_at__isnull=True, next_attempt_at__lte=now)
    due = due.order_by("next_attempt_at")
    with transaction.atomic():
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        rows = list(due[:limit])
        if rows:
            TaskIntent.objects.filter(pk__in=[row.pk for row in rows]).update(
                next_attempt_at=now + CLAIM, started_at=None
            )
    return rows


def make_due(now=None, unpublished=False, everything=False):
    """Make waiting rows due now. unpublished: never-published rows still inside their
    backoff (a worker just started, so the broker is evidently back). everything: every
    unfinished row, even one published within the visibility timeout (an operator who
    knows the broker lost its queue; tasks are idempotent, some may run twice)."""
    now = now or timezone.now()
    rows = TaskIntent.objects.filter(done_at__isnull=True, next_attempt_at__gt=now)
    if not everything:
        if not unpublished:
            return 0
        rows = rows.filter(published_at__isnull=True)
    return rows.update(next_attempt_at=now)


def relay(now=None, limit=None, unpublished=False, everything=False):
    """Publish one batch of due intents; stop at the first sign the broker is down.

    unpublished and everything first make more rows due (see make_due). Returns
    counts, and how many rows are still pending afterwards.
    """
    now = now or timezone.now()
    make_due(now, unpublished=unpublished, everything=everything)
    rows = _claim(now, limit or RELAY_BATCH)
    counts = {"published": 0, "ran": 0, "failed": 0, "broker_down": 0}
    if rows:
        with contextlib.ExitStack() as stack:
            conn = None if is_eager() else stack.enter_context(broker_connection())
            for index, intent in enumerate(rows):
                outcome = publish(intent, conn=conn)
                counts[outcome] += 1
                if outcome == "broker_down":
                    # Leave the rest as they were: due again on the next run.
                    rest = [row.pk for row in rows[index + 1 :]]
                    TaskIntent.objects.filter(pk__in=rest).update(next_attempt_at=now)
                    break
    counts["pending"] = TaskIntent.objects.filter(done_at__isnull=True).count()
    return counts


def drain(seconds=20, unpublished=False, everything=False):
    """relay() batch after batch while batches come back full (a long outage left many
    rows waiting), for up to `seconds`; stops as soon as the broker looks down. A row
    published here is not due again, so no row goes out twice in one drain."""
    deadline = time.monotonic() + seconds
    totals = {"published": 0, "ran": 0, "failed": 0, "broker_down": 0}
    make_due(unpublished=unpublished, everything=everything)
    while True:
        counts = relay()
        for key in totals:
            totals[key] += counts[key]
        handled = counts["published"] + counts["ran"] + counts["failed"]
        if counts["broker_down"] or handled < RELAY_BATCH or time.monotonic() > deadline:
            return {**totals, "pending": counts["pending"]}


def prune(now=None):
    """Delete finished rows older than KEEP_DONE and heartbeats of departed workers."""
    now = now or timezone.now()
    old = TaskIntent.objects.filter(done_at__lt=now - KEEP_DONE).order_by("done_at")
    ids = list(old.values_list("pk", flat=True)[:PRUNE_BATCH])
    deleted = TaskIntent.objects.filter(pk__in=ids).delete()[0] if ids else 0
    WorkerHeartbeat.objects.filter(seen_at__lt=now - KEEP_HEARTBEATS).delete()
    return deleted


def pending_intent(task, *args):
    """The newest unfinished intent to run `task(*args)`, or None."""
    name = task if isinstance(task, str) else task.name
    pending = TaskIntent.objects.filter(task_name=name, done_at__isnull=True, args=list(args))
    return pending.order_by("-created_at").first()


def record_heartbeat(hostname, now=None):
    """Note that a worker is alive (its hostname, e.g. celery@web-1)."""
    WorkerHeartbeat.objects.update_or_create(
        hostname=(hostname or "unknown")[:255], defaults={"seen_at": now or timezone.now()}
    )


def stats(now=None):
    """Backlog figures for /healthz: ages in whole seconds, None when nothing waits."""
    now = now or timezone.now()
    waiting = Q(started_at__isnull=True)
    figures = TaskIntent.objects.filter(done_at__isnull=True).aggregate(
        pending=Count("pk"),
        unpublished=Count("pk", filter=Q(published_at__isnull=True)),
        oldest=Min("created_at"),
        oldest_waiting=Min("created_at", filter=waiting),
    )
    heartbeat = WorkerHeartbeat.objects.aggregate(latest=Max("seen_at"))["latest"]

    def age(moment):
        return None if moment is None else max(0, int((now - moment).total_seconds()))

    return {
        "pending": figures["pending"],
        "unpublished": figures["unpublished"],
        "oldest_pending_age": age(figures["oldest"]),
        "oldest_waiting_age": age(figures["oldest_waiting"]),
        "heartbeat_age": age(heartbeat),
    }
