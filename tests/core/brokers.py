"""Broker stand-ins for the outbox tests: a broker that is down, a private redis-server
that can be killed and restarted empty, and a real Celery worker on the test database."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

import pytest

from config.celery import app as celery_app
from core.outbox.publishing import reset_breaker
from tests.conftest import require

ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")
REDIS_SERVER = shutil.which("redis-server")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def switch_broker(broker_url, **conf):
    """Point this process's Celery app at another broker (as tests/config/
    test_celery_worker.py does): drop the pools built for the old URL."""
    celery_app.conf.update(broker_url=broker_url, **conf)
    celery_app._after_fork()


@pytest.fixture
def broker_at(monkeypatch):
    """Returns a function sending this process's tasks to a real broker URL (not eager);
    everything is put back afterwards.

    Celery reads CELERY_BROKER_URL from the environment before its configuration (CI's
    PostgreSQL run exports it), so the variable is pointed there too."""
    saved = {key: celery_app.conf[key] for key in ("task_always_eager", "broker_url")}
    reset_breaker()

    def use(url):
        monkeypatch.setenv("CELERY_BROKER_URL", url)
        switch_broker(url, task_always_eager=False)
        assert celery_app.conf.broker_write_url == url

    yield use
    monkeypatch.undo()
    switch_broker(**saved)
    reset_breaker()


@pytest.fixture
def dead_broker(broker_at, settings):
    """A Redis broker URL where nothing listens: every publish fails at once."""
    url = f"redis://127.0.0.1:{free_port()}/0"
    settings.CELERY_BROKER_URL = url
    broker_at(url)
    return url


class RedisServer:
    """A throwaway redis-server without persistence: stopping it loses every queue."""

    def __init__(self, folder):
        self.port = free_port()
        self.folder = folder
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        command = [REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(self.port)]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.folder)]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 10
        while not port_open(self.port):
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def client(self):
        import redis

        return redis.Redis.from_url(self.url)


@pytest.fixture
def redis_server(tmp_path):
    require(REDIS_SERVER, "redis-server is not installed")
    server = RedisServer(tmp_path)
    yield server
    server.stop()


def shared_database_url():
    """The test database as a URL a worker process can use; None for SQLite's
    in-memory test database, which no other process can open."""
    db = connection.settings_dict
    if connection.vendor != "postgresql":
        return None
    user = db["USER"] or "postgres"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


class Worker:
    """A real `celery worker` subprocess on the test database, mailing into files."""

    def __init__(self, broker_url, folder):
        self.broker_url = broker_url
        self.mail_dir = folder / "mail"
        self.log = folder / f"worker-{free_port()}.log"
        self.process = None

    def start(self):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": shared_database_url(),
            "CELERY_BROKER_URL": self.broker_url,
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.mail_dir),
        }
        command = [str(CELERY), "--workdir", "site", "-A", "config", "worker", "--pool", "solo"]
        command += ["--without-gossip", "--without-mingle", "--loglevel", "INFO"]
        with self.log.open("w") as log_file:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log_file, stderr=log_file
            )

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None

    def tail(self):
        return self.log.read_text()[-4000:] if self.log.exists() else "(no log)"


@pytest.fixture
def worker_on(tmp_path):
    """Returns a function starting a worker on a broker URL; stopped afterwards."""
    started = []

    def start(broker_url):
        worker = Worker(broker_url, tmp_path)
        worker.start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def wait_until(condition, seconds=60, step=0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return condition()


@pytest.fixture
def memory_broker(broker_at):
    """kombu's in-memory transport: publishing works, and no worker ever reads it."""
    broker_at("memory://")
