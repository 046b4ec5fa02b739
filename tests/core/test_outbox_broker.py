"""Losing the broker loses no work: a real redis-server is stopped and restarted empty
(no persistence), and a real Celery worker subprocess finishes what waited.

Needs redis-server (skipped on a machine without it, required in CI) and PostgreSQL:
the worker process must see the rows the test commits, which SQLite's in-memory test
database cannot offer.
"""

import datetime
import time

from django.core.mail import send_mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

import pytest

from core.models import TaskIntent, WorkerHeartbeat
from core.outbox import relay
from core.outbox.publishing import reset_breaker
from tests.core.brokers import wait_until

pytestmark = [pytest.mark.broker, pytest.mark.django_db(transaction=True)]

DELIVER_EMAIL = "config.tasks.deliver_email"
PASSWORD = "Cumulonimbus-42"


@pytest.fixture(autouse=True)
def _shared_database():
    if connection.vendor != "postgresql":
        pytest.skip("a worker process cannot open SQLite's in-memory test database")


def mail_files(worker):
    return sorted(worker.mail_dir.glob("*.log")) if worker.mail_dir.exists() else []


def wait_for_done(row, worker, seconds=60):
    done = wait_until(
        lambda: TaskIntent.objects.filter(pk=row.pk, done_at__isnull=False).exists(), seconds
    )
    assert done, f"the worker did not finish {row}; its log:\n{worker.tail()}"
    row.refresh_from_db()
    return row


def test_sign_up_while_the_broker_is_down_mails_once_it_is_back(
    client, settings, redis_server, broker_at, worker_on
):
    settings.CELERY_BROKER_URL = redis_server.url
    broker_at(redis_server.url)  # this process publishes there, no longer eagerly

    # The broker is down (never started): the learner signs up all the same.
    started = time.monotonic()
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new.pilot@example.test",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Casey Newpilot",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert time.monotonic() - started < 10
    row = TaskIntent.objects.get(task_name=DELIVER_EMAIL)
    assert row.args[0]["to"] == ["new.pilot@example.test"]
    assert (row.published_at, row.done_at, row.attempts) == (None, None, 1)
    assert "OperationalError" in row.last_error
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["checks"]["broker"]["ok"] is False

    # Redis comes back empty and a worker starts: what waited is delivered.
    redis_server.start()
    reset_breaker()
    worker = worker_on(redis_server.url)
    assert wait_until(WorkerHeartbeat.objects.exists, 60), worker.tail()
    relay(unpublished=True)  # beat's relay, or the worker's own on start, does this too
    row = wait_for_done(row, worker)
    assert row.outcome == TaskIntent.Outcome.SUCCESS
    assert row.published_at is not None
    files = wait_until(lambda: mail_files(worker), 30)
    assert len(files) == 1, worker.tail()
    text = files[0].read_text()
    assert "new.pilot@example.test" in text
    assert "Subject: [Groundschool]" in text

    health = client.get("/healthz")
    body = health.json()
    assert health.status_code == 200, body
    assert body["checks"]["worker"]["heartbeat_age"] < 60
    assert body["checks"]["outbox"]["pending"] == 0
    assert body["checks"]["broker"]["queue_length"] == 0


def test_a_message_lost_with_the_broker_is_republished_after_the_visibility_timeout(
    settings, redis_server, broker_at, worker_on
):
    settings.CELERY_BROKER_URL = redis_server.url
    redis_server.start()
    broker_at(redis_server.url)

    # Published while no worker runs: the message sits in Redis, the row is not done.
    send_mail("Mock oral booked", "Tomorrow 09:00 local.", None, ["ada@example.test"])
    row = TaskIntent.objects.get(task_name=DELIVER_EMAIL)
    assert row.published_at is not None
    assert row.done_at is None
    assert redis_server.client().llen("celery") == 1

    # Redis restarts without persistence: the queue, and the message, are gone.
    redis_server.stop()
    redis_server.start()
    assert redis_server.client().llen("celery") == 0

    worker = worker_on(redis_server.url)
    assert wait_until(WorkerHeartbeat.objects.exists, 60), worker.tail()
    time.sleep(2)  # the worker is consuming; nothing reaches it
    row.refresh_from_db()
    assert row.done_at is None
    assert mail_files(worker) == []

    # Past the visibility timeout the relay publishes it again, and the worker sends it.
    timeout = datetime.timedelta(seconds=settings.OUTBOX_VISIBILITY_TIMEOUT + 1)
    assert relay(now=timezone.now() + timeout)["published"] == 1
    row = wait_for_done(row, worker)
    assert row.attempts == 2
    files = wait_until(lambda: mail_files(worker), 30)
    assert len(files) == 1, worker.tail()
    assert "Subject: Mock oral booked" in files[0].read_text()
