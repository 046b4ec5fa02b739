"""With CELERY_BROKER_URL set, a real worker process consumes the queued task.

Needs a Redis broker named by CELERY_BROKER_URL: skipped without one, required in CI's
PostgreSQL run. The worker's queue and name are private to the test, and what it wrote
to Redis is deleted afterwards.
"""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.core.mail import send_mail

import pytest

from config.celery import app as celery_app
from tests.conftest import configured_url, purge_redis_keys, require, tcp_open

ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")
pytestmark = [pytest.mark.django_db, pytest.mark.broker]


@pytest.fixture
def broker_url():
    url = configured_url("CELERY_BROKER_URL", "a real worker needs a broker")
    require(url.startswith("redis") and tcp_open(url, 6379), f"no Redis broker at {url}")
    return url


def switch_broker(broker_url, **conf):
    """Point this process's Celery app at another broker.

    Eager calls already built a producer pool for the old broker URL; dropping the
    pools the way Celery does after a fork makes the next send use the new URL.
    """
    celery_app.conf.update(broker_url=broker_url, **conf)
    celery_app._after_fork()


@pytest.fixture
def worker(broker_url, tmp_path):
    """A Celery worker subprocess on a private queue, writing emails as files."""
    queue = f"test-{uuid.uuid4().hex}"  # also the worker's name, so cleanup finds both
    mail_dir = tmp_path / "mail"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "CELERY_BROKER_URL": broker_url,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    command = [
        str(CELERY),
        "--workdir",
        "site",
        "-A",
        "config",
        "worker",
        "--pool",
        "solo",
        "--queues",
        queue,
        "--hostname",
        f"{queue}@%h",
        "--without-gossip",
        "--without-mingle",
        "--loglevel",
        "INFO",
    ]
    log = tmp_path / "worker.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log_file, stderr=log_file)
    saved = {
        key: celery_app.conf[key]
        for key in ("task_always_eager", "broker_url", "task_default_queue")
    }
    switch_broker(broker_url, task_always_eager=False, task_default_queue=queue)
    try:
        yield mail_dir, log
    finally:
        switch_broker(**saved)
        process.terminate()
        process.wait(timeout=30)
        purge_redis_keys(broker_url, queue)


def wait_for_files(folder, pattern, seconds=45):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = list(folder.glob(pattern))
        if found:
            return found
        time.sleep(0.2)
    return []


def test_a_real_worker_delivers_mail_queued_by_the_app(worker, commit):
    mail_dir, log = worker
    with commit():
        send_mail("Mock oral booked", "Tomorrow 09:00 local.", None, ["ada@example.test"])
    delivered = wait_for_files(mail_dir, "*.log")
    assert delivered, "the worker delivered nothing; its log:\n" + log.read_text()[-3000:]
    text = delivered[0].read_text()
    assert "Subject: Mock oral booked" in text
    assert "ada@example.test" in text
