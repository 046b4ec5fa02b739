"""Shared test fixtures.

Services: tests that need Redis or Chromium call `require(...)`, which skips with a
reason on a developer machine and fails in CI (CI=true), where they must run.
"""

import os
import socket
from urllib.parse import urlparse

from django.core.cache import cache

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require(available, reason):
    """Skip locally, fail in CI, when a service or tool the test needs is missing."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


def tcp_open(url, default_port):
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or default_port), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(autouse=True)
def _clean_cache():
    """Rate limits and markers live in the cache; each test starts with an empty one."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _queued_email(settings):
    """Send mail the way production does (queued through Celery, after commit); the
    eager task then delivers into Django's test outbox."""
    settings.EMAIL_BACKEND = "config.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run on-commit callbacks (queued emails and tasks) as a real commit would.

    Usage: `with commit(): client.post(...)`.
    """

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run
