"""The task outbox (core.outbox): intents are written in the caller's transaction, run
(eager) or published on commit, relayed when due, and finished by the worker's report.

No service is needed: eager mode, a broker where nothing listens, and kombu's in-memory
transport stand in for Redis. The real-broker tests are in test_outbox_broker.py.
"""

import contextlib
import datetime
import threading
import time
from io import StringIO
from types import SimpleNamespace

from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

import pytest
from celery import states
from celery.app.task import Context
from celery.exceptions import Retry

from config.celery import app as celery_app
from core.models import TaskIntent, WorkerHeartbeat
from core.outbox import enqueue, pending_intent, publishing, relay, signals
from core.outbox.tasks import relay_outbox
from tests.core import tasks as test_tasks
from tests.races import in_parallel, postgres_race

pytestmark = pytest.mark.django_db

RECORD = "tests.core.record"


@pytest.fixture(autouse=True)
def _calls():
    test_tasks.CALLS.clear()
    yield
    test_tasks.CALLS.clear()


def ago(seconds):
    return timezone.now() - datetime.timedelta(seconds=seconds)


def later(seconds):
    return timezone.now() + datetime.timedelta(seconds=seconds)


def intent(value=1, **fields):
    fields.setdefault("next_attempt_at", ago(1))
    return TaskIntent.objects.create(task_name=RECORD, args=[value], **fields)


def fresh(row):
    row.refresh_from_db()
    return row


# enqueue, eager mode (no broker: `make run` and most tests)


def test_enqueue_writes_the_intent_and_runs_it_in_process_on_commit(commit):
    with commit():
        row = enqueue(test_tasks.record, 7, label="seven")
        assert test_tasks.CALLS == []  # nothing runs before the commit
        stored = TaskIntent.objects.get(pk=row.pk)
        assert (stored.task_name, stored.args, stored.kwargs) == (RECORD, [7], {"label": "seven"})
        assert stored.done_at is None
    assert test_tasks.CALLS == [("seven", 7)]
    stored = fresh(stored)
    assert stored.outcome == TaskIntent.Outcome.SUCCESS
    assert stored.done_at is not None
    assert stored.published_at is not None
    assert stored.attempts == 1
    assert (stored.args, stored.kwargs) == ([], {})  # finished: the payload is not kept


def test_enqueue_takes_a_task_name_too(commit):
    with commit():
        row = enqueue(RECORD, 3)
    assert test_tasks.CALLS == [("call", 3)]
    assert fresh(row).outcome == TaskIntent.Outcome.SUCCESS


def test_a_rolled_back_transaction_queues_nothing(commit):
    with commit(), contextlib.suppress(RuntimeError), transaction.atomic():
        enqueue(test_tasks.record, 1)
        raise RuntimeError("the request failed after queueing work")
    assert test_tasks.CALLS == []
    assert not TaskIntent.objects.exists()


def test_a_task_failing_in_process_is_recorded_and_logged_not_raised(commit, caplog):
    with commit():
        row = enqueue(test_tasks.explode)
    row = fresh(row)
    assert row.outcome == TaskIntent.Outcome.FAILURE
    assert row.done_at is not None
    assert "the task broke" in row.last_error
    assert "the task broke" in caplog.text
    assert row.task_name == "tests.core.explode"


def test_an_unknown_task_waits_with_its_error(commit):
    """E.g. web processes deployed before the workers: the row waits for the relay."""
    with commit():
        row = enqueue("tests.core.not_there_yet", 1)
    row = fresh(row)
    assert row.done_at is None
    assert row.attempts == 1
    assert "NotRegistered" in row.last_error
    assert row.next_attempt_at > timezone.now()


def test_arguments_must_be_json(commit):
    with pytest.raises(TypeError):
        enqueue(test_tasks.record, object())


# A broker that is down


def test_a_dead_broker_costs_the_request_nothing_and_the_intent_waits(dead_broker, commit):
    started = time.monotonic()
    with commit():
        row = enqueue(test_tasks.record, 1)
    assert time.monotonic() - started < 2  # no connection retries, no waiting
    row = fresh(row)
    assert row.published_at is None
    assert row.done_at is None
    assert row.attempts == 1
    assert "OperationalError" in row.last_error
    assert row.next_attempt_at > timezone.now()  # backing off
    assert test_tasks.CALLS == []


def test_after_a_broker_failure_requests_leave_publishing_to_the_relay(dead_broker, commit):
    with commit():
        enqueue(test_tasks.record, 1)
    with commit():
        second = enqueue(test_tasks.record, 2)
    second = fresh(second)
    assert second.attempts == 0  # not even tried: the breaker is open for a few seconds
    assert second.published_at is None


def test_the_relay_stops_at_a_dead_broker_and_backs_off(dead_broker):
    rows = [intent(n, next_attempt_at=ago(60 - n)) for n in range(3)]
    counts = relay()
    assert (counts["published"], counts["broker_down"], counts["pending"]) == (0, 1, 3)
    first, *rest = (fresh(row) for row in rows)
    assert first.attempts == 1
    assert first.next_attempt_at > timezone.now()
    assert all(row.attempts == 0 and row.next_attempt_at <= timezone.now() for row in rest)


def test_backoff_doubles_up_to_five_minutes():
    assert [publishing.backoff(n).total_seconds() for n in (1, 2, 3, 4, 7, 20)] == [
        5,
        10,
        20,
        40,
        300,
        300,
    ]


# Publishing to a broker (kombu's in-memory transport; no worker reads it)


def test_a_published_intent_waits_for_a_worker_and_is_republished_after_the_timeout(
    broker_at, settings, commit
):
    settings.OUTBOX_VISIBILITY_TIMEOUT = 600
    broker_at("memory://")
    with commit():
        row = enqueue(test_tasks.record, 1)
    row = fresh(row)
    assert row.published_at is not None
    assert row.done_at is None  # published is not done: no worker has run it
    assert row.attempts == 1
    assert row.next_attempt_at >= row.published_at + datetime.timedelta(seconds=599)
    assert relay()["published"] == 0  # inside the visibility timeout

    counts = relay(now=later(601))  # the message was lost (say Redis restarted empty)
    assert counts["published"] == 1
    assert fresh(row).attempts == 2


def test_relay_options_for_operators(broker_at):
    broker_at("memory://")
    backing_off = intent(1, next_attempt_at=later(120), attempts=3)
    in_flight = intent(2, published_at=ago(5), next_attempt_at=later(3595), attempts=1)
    assert relay()["published"] == 0
    assert relay(unpublished=True)["published"] == 1  # a worker started: the broker is back
    assert fresh(backing_off).published_at is not None
    assert fresh(in_flight).attempts == 1
    assert relay(everything=True)["published"] == 2  # the broker lost its queue


def test_drain_publishes_batch_after_batch_each_row_once(memory_broker, monkeypatch):
    monkeypatch.setattr(publishing, "RELAY_BATCH", 2)
    in_flight = [
        intent(n, published_at=ago(5), next_attempt_at=later(3595), attempts=1) for n in range(5)
    ]
    counts = publishing.drain(everything=True)
    assert (counts["published"], counts["pending"]) == (5, 5)
    assert [fresh(row).attempts for row in in_flight] == [2] * 5


def test_drain_stops_at_a_dead_broker(dead_broker, monkeypatch):
    monkeypatch.setattr(publishing, "RELAY_BATCH", 2)
    for n in range(5):
        intent(n)
    counts = publishing.drain()
    assert (counts["published"], counts["broker_down"]) == (0, 1)
    assert TaskIntent.objects.filter(attempts=1).count() == 1


# The relay in eager mode


def test_the_relay_runs_due_intents_and_leaves_the_rest():
    intent(1)
    intent(2, next_attempt_at=later(60), attempts=1)  # backing off
    intent(3, published_at=ago(10), next_attempt_at=later(3590), attempts=1)  # in flight
    intent(4, done_at=ago(5), next_attempt_at=ago(100))  # finished
    counts = relay()
    assert test_tasks.CALLS == [("call", 1)]
    assert (counts["ran"], counts["pending"]) == (1, 2)


def test_a_published_intent_past_its_visibility_timeout_runs_again():
    published = ago(3601)
    row = intent(5, published_at=published, next_attempt_at=published + datetime.timedelta(hours=1))
    relay()
    assert test_tasks.CALLS == [("call", 5)]
    row = fresh(row)
    assert row.done_at is not None
    assert row.attempts == 1  # counted from the row: the first publish was made up here


def test_drain_runs_every_waiting_intent(monkeypatch):
    monkeypatch.setattr(publishing, "RELAY_BATCH", 2)
    for n in range(5):
        intent(n)
    counts = publishing.drain()
    assert (counts["ran"], counts["pending"]) == (5, 0)
    assert sorted(value for _, value in test_tasks.CALLS) == [0, 1, 2, 3, 4]


def test_relay_outbox_command(capsys):
    intent(8)
    out = StringIO()
    call_command("relay_outbox", stdout=out)
    assert test_tasks.CALLS == [("call", 8)]
    assert "ran 1" in out.getvalue()
    assert "pending 0" in out.getvalue()


def test_the_relay_task_is_scheduled_and_records_a_heartbeat():
    entry = django_settings.CELERY_BEAT_SCHEDULE["relay-task-outbox"]
    assert entry["task"] in celery_app.tasks
    assert entry["schedule"] <= 60
    intent(9)
    counts = relay_outbox.delay().get()
    assert counts["ran"] == 1
    assert "pruned" in counts
    assert WorkerHeartbeat.objects.exists()


def test_prune_deletes_old_finished_rows_and_departed_workers():
    old_done = intent(1, done_at=ago(8 * 86400))
    recent_done = intent(2, done_at=ago(86400))
    old_pending = intent(3, created_at=ago(30 * 86400))
    WorkerHeartbeat.objects.create(hostname="celery@gone", seen_at=ago(2 * 86400))
    WorkerHeartbeat.objects.create(hostname="celery@here", seen_at=ago(10))
    assert publishing.prune() == 1
    remaining = set(TaskIntent.objects.values_list("pk", flat=True))
    assert remaining == {recent_done.pk, old_pending.pk}
    assert old_done.pk not in remaining
    assert list(WorkerHeartbeat.objects.values_list("hostname", flat=True)) == ["celery@here"]


def test_pending_intent_finds_the_unfinished_run_with_those_arguments():
    waiting = intent(1)
    intent(2, done_at=ago(1))
    assert pending_intent(test_tasks.record, 1) == waiting
    assert pending_intent(RECORD, 1) == waiting
    assert pending_intent(test_tasks.record, 2) is None
    assert pending_intent(test_tasks.record, 3) is None
    assert pending_intent(test_tasks.explode) is None


@postgres_race  # SKIP LOCKED is PostgreSQL's; on SQLite relays take turns on its write lock
def test_rows_another_relay_holds_are_skipped():
    held, free = intent(1, next_attempt_at=ago(10)), intent(2, next_attempt_at=ago(5))
    locked, release = threading.Event(), threading.Event()

    def other_relay():
        with transaction.atomic():
            TaskIntent.objects.select_for_update().get(pk=held.pk)
            locked.set()
            release.wait(10)

    def relay_while_held():
        try:
            assert locked.wait(10)
            relay()
        finally:
            release.set()

    steps = (other_relay, relay_while_held)
    in_parallel(len(steps), lambda n: steps[n]())
    assert test_tasks.CALLS == [("call", 2)]
    assert fresh(held).done_at is None
    assert fresh(free).done_at is not None


# What a worker reports (the signal handlers, called as Celery would)


def worker_task(task_id, outbox=True):
    """The task as a worker runs it: `request` built from the message's headers."""
    headers = {"outbox_intent": True} if outbox else {}
    return SimpleNamespace(request=Context(id=str(task_id), is_eager=False, **headers))


def test_a_worker_marks_its_intent_started_then_done():
    row = intent(1, published_at=ago(5), attempts=1, next_attempt_at=later(3595))
    task = worker_task(row.pk)
    signals.intent_started(task_id=str(row.pk), task=task)
    row = fresh(row)
    assert row.started_at is not None
    assert row.done_at is None
    assert not row.waiting_for_worker()

    signals.intent_finished(task_id=str(row.pk), task=task, state=states.SUCCESS, retval=1)
    row = fresh(row)
    assert row.done_at is not None
    assert row.outcome == TaskIntent.Outcome.SUCCESS
    assert row.args == []  # an email's links do not stay in the database


def test_a_task_that_fails_for_good_is_finished_with_its_error():
    row = intent(1, published_at=ago(5), attempts=1)
    error = RuntimeError("examiner gone")
    signals.intent_finished(
        task_id=str(row.pk), task=worker_task(row.pk), state=states.FAILURE, retval=error
    )
    row = fresh(row)
    assert row.outcome == TaskIntent.Outcome.FAILURE
    assert row.last_error == "RuntimeError: examiner gone"
    assert row.args == [1]  # kept to diagnose and replay, until pruned


def test_a_task_retrying_itself_is_republished_only_if_that_retry_is_lost():
    row = intent(1, published_at=ago(5), attempts=1, next_attempt_at=later(3595))
    task = worker_task(row.pk)
    reason = Retry(exc=OSError("SMTP down"), when=600)
    signals.intent_retrying(request=task.request, reason=reason)
    signals.intent_finished(task_id=str(row.pk), task=task, state=states.RETRY, retval=reason)
    row = fresh(row)
    assert row.done_at is None
    assert row.last_error == "OSError: SMTP down"
    assert row.next_attempt_at >= later(600 + 3600 - 5)


def test_tasks_not_sent_through_the_outbox_cost_no_query(django_assert_num_queries):
    row = intent(1)
    beat_task = worker_task(row.pk, outbox=False)
    eager = SimpleNamespace(request=Context(id=str(row.pk), is_eager=True, outbox_intent=True))
    with django_assert_num_queries(0):
        for task in (beat_task, eager):
            signals.intent_started(task_id=str(row.pk), task=task)
            signals.intent_finished(task_id=str(row.pk), task=task, state=states.SUCCESS)
            signals.intent_retrying(request=task.request, reason=Retry(when=5))
    assert fresh(row).done_at is None


def test_a_starting_worker_records_a_heartbeat_and_relays_what_waited():
    waiting = intent(1, next_attempt_at=later(200), attempts=4)  # deep in its backoff
    signals.worker_started(sender=SimpleNamespace(hostname="celery@worker-1"))
    assert test_tasks.CALLS == [("call", 1)]
    assert fresh(waiting).done_at is not None
    assert WorkerHeartbeat.objects.get().hostname == "celery@worker-1"


def test_waiting_for_worker():
    assert intent(1).waiting_for_worker()  # never published
    assert not intent(2, published_at=ago(3)).waiting_for_worker()  # just handed over
    assert intent(3, published_at=ago(60)).waiting_for_worker()  # nobody took it
    assert not intent(4, published_at=ago(60), started_at=ago(50)).waiting_for_worker()
    assert not intent(5, done_at=ago(1)).waiting_for_worker()
