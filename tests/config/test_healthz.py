"""/healthz tells monitoring whether the whole system works, /readyz a load balancer
whether this instance can serve pages, /livez only that the web process answers."""

import datetime

from django.utils import timezone

import pytest

from config import health
from core.models import TaskIntent, WorkerHeartbeat
from tests.conftest import configured_url, require, tcp_open

pytestmark = pytest.mark.django_db

CHECKS = {"database", "cache", "broker", "worker", "outbox"}


def ago(seconds):
    return timezone.now() - datetime.timedelta(seconds=seconds)


@pytest.fixture
def worker_alive():
    """A worker heartbeat a few seconds old (CI's PostgreSQL run configures a broker,
    and then /healthz needs one)."""
    return WorkerHeartbeat.objects.create(hostname="celery@test", seen_at=ago(5))


@pytest.fixture
def broker_up(settings, monkeypatch):
    """A configured broker that answers, so the background checks decide the status."""
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"
    monkeypatch.setitem(health.CHECKS, "broker", lambda: {"ok": True, "mode": "broker"})


def test_healthz_reports_every_dependency(client, worker_alive):
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert set(body["checks"]) == CHECKS
    assert all(check["ok"] for check in body["checks"].values())
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_broker_is_down(client, settings):
    settings.CELERY_BROKER_URL = "redis://:secret-password@127.0.0.1:9/0"  # nothing listens there
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 503
    assert body["status"] == "unavailable"
    assert body["checks"]["broker"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True
    assert "secret-password" not in response.content.decode()


def test_healthz_without_a_broker_reports_eager_mode(client, settings):
    settings.CELERY_BROKER_URL = ""
    TaskIntent.objects.create(task_name="config.tasks.deliver_email", created_at=ago(3600))
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200  # no worker is needed: tasks run in-process
    assert body["checks"]["broker"] == {"ok": True, "mode": "eager"}
    assert body["checks"]["worker"] == {"ok": True, "mode": "eager"}
    outbox = body["checks"]["outbox"]
    assert outbox["ok"] is True
    assert (outbox["pending"], outbox["unpublished"]) == (1, 1)


def test_healthz_answers_503_without_a_worker_heartbeat(client, broker_up):
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 503
    assert body["checks"]["worker"] == {"ok": False, "heartbeat_age": None, "max_age": 120}
    assert body["checks"]["database"]["ok"] is True


def test_healthz_answers_503_when_the_last_heartbeat_is_stale(client, broker_up):
    WorkerHeartbeat.objects.create(hostname="celery@gone", seen_at=ago(600))
    response = client.get("/healthz")
    worker = response.json()["checks"]["worker"]
    assert response.status_code == 503
    assert worker["ok"] is False
    assert worker["heartbeat_age"] >= 600


def test_healthz_is_ok_with_a_fresh_heartbeat_and_a_recent_backlog(client, broker_up, worker_alive):
    TaskIntent.objects.create(task_name="config.tasks.deliver_email", created_at=ago(30))
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert body["checks"]["worker"]["ok"] is True
    assert body["checks"]["worker"]["heartbeat_age"] < 60
    outbox = body["checks"]["outbox"]
    assert (outbox["pending"], outbox["unpublished"]) == (1, 1)
    assert 30 <= outbox["oldest_pending_age"] < 60


def test_healthz_answers_503_when_queued_work_waits_too_long(client, broker_up, worker_alive):
    """18 tasks queued and none taken for 20 minutes: something is wrong downstream."""
    for _ in range(18):
        TaskIntent.objects.create(task_name="config.tasks.deliver_email", created_at=ago(1200))
    response = client.get("/healthz")
    outbox = response.json()["checks"]["outbox"]
    assert response.status_code == 503
    assert outbox["ok"] is False
    assert outbox["pending"] == 18
    assert outbox["oldest_waiting_age"] >= 1200


def test_a_long_running_task_is_not_a_stale_backlog(client, broker_up, worker_alive):
    TaskIntent.objects.create(
        task_name="learning.flashcards.import_tasks.run_import",
        created_at=ago(3 * 3600),
        published_at=ago(3 * 3600),
        started_at=ago(3 * 3600),
    )
    TaskIntent.objects.create(task_name="x", created_at=ago(7200), done_at=ago(7000))
    response = client.get("/healthz")
    outbox = response.json()["checks"]["outbox"]
    assert response.status_code == 200
    assert outbox["pending"] == 1
    assert outbox["oldest_waiting_age"] is None
    assert outbox["oldest_pending_age"] >= 3 * 3600


@pytest.mark.broker
def test_healthz_reports_the_redis_queue_length(client, settings, worker_alive):
    url = configured_url("CELERY_BROKER_URL", "the queue length is read from a Redis broker")
    require(url.startswith("redis") and tcp_open(url, 6379), f"no Redis broker at {url}")
    settings.CELERY_BROKER_URL = url
    body = client.get("/healthz").json()
    assert body["checks"]["broker"]["ok"] is True
    assert isinstance(body["checks"]["broker"]["queue_length"], int)


def test_livez_checks_nothing_but_the_process(client, settings, django_assert_num_queries):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"  # down: /healthz would say 503
    with django_assert_num_queries(0):
        response = client.get("/livez")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert client.head("/livez").status_code == 200
    assert client.post("/livez").status_code == 405


def test_healthz_answers_load_balancer_probes_and_refuses_writes(client, worker_alive):
    assert client.head("/healthz").status_code == 200  # a probe reads only the status
    refused = client.post("/healthz")
    assert (refused.status_code, refused["Allow"]) == (405, "GET, HEAD")


def test_readyz_keeps_the_instance_in_rotation_while_workers_and_broker_are_down(client, settings):
    """With the broker dead and no worker, pages still work (their tasks wait in the
    outbox): the load balancer must not drop every instance at once."""
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"  # nothing listens there
    assert client.get("/healthz").status_code == 503
    response = client.get("/readyz")
    checks = response.json()["checks"]
    assert response.status_code == 200
    assert set(checks) == {"database", "cache"}
    assert all(check["ok"] for check in checks.values())
    assert "no-cache" in response["Cache-Control"]
