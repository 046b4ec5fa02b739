"""Shared test fixtures.

Services: tests that need Redis or Chromium call `require(...)`, which skips with a
reason on a developer machine and fails in CI (CI=true), where they must run. A local
run talks to a service only when its URL is in the environment (`configured_url`):
a Redis that happens to listen on 6379 is not ours to write to.
"""

import os
import socket
from io import StringIO
from itertools import groupby
from urllib.parse import urlparse

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require(available, reason):
    """Skip locally, fail in CI, when a service or tool the test needs is missing."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


def configured_url(variable, reason):
    """The service URL in `variable`, or skip: a local run uses only what it was given.

    CI sets the service URLs for its PostgreSQL run only (DATABASE_URL), so there a
    missing one fails; its SQLite run, like a developer's, skips with the reason.
    """
    url = os.environ.get(variable, "")
    if url:
        return url
    if IN_CI and os.environ.get("DATABASE_URL"):
        pytest.fail(f"{variable} is not set: {reason} (required in CI)")
    pytest.skip(f"{variable} is not set: {reason}")


def purge_redis_keys(url, marker):
    """Delete what a test wrote to Redis under `marker` (its private queue and worker
    names): keys naming it, and its entries in kombu's shared binding sets."""
    import redis

    client = redis.Redis.from_url(url)
    try:
        for key in client.scan_iter(match=f"*{marker}*"):
            client.delete(key)
        for binding in client.scan_iter(match="_kombu.binding.*"):
            stale = [member for member in client.smembers(binding) if marker.encode() in member]
            if stale:
                client.srem(binding, *stale)
        # kombu keeps a deadline per binding set; drop those whose set is gone now.
        for exchange in client.zrange("_kombu.binding_deadlines", 0, -1):
            if not client.exists(b"_kombu.binding." + exchange):
                client.zrem("_kombu.binding_deadlines", exchange)
    finally:
        client.close()


def tcp_open(url, default_port):
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or default_port), timeout=1):
            return True
    except OSError:
        return False


def session_queries():
    """Queries a signed-in request spends reading its session: one with the database
    backend (the SQLite default), none with cached sessions (REDIS_URL, as in CI's
    PostgreSQL run, where the warmed session is a cache hit). Exact query pins of
    signed-in pages add this."""
    from django.conf import settings

    return 0 if settings.SESSION_ENGINE.endswith("cached_db") else 1


@pytest.fixture
def assert_signed_in_queries(django_assert_num_queries):
    """``django_assert_num_queries`` for a signed-in page, given its count without the
    session read (see session_queries)."""
    return lambda count: django_assert_num_queries(count + session_queries())


@pytest.fixture
def learner(db):
    """A signed-up learner with a verified email (the suite's usual main character)."""
    from accounts.factories import UserFactory

    return UserFactory(first_name="Lee", last_name="Learner")


@pytest.fixture
def other_learner(db):
    """A second learner, for the "another user's ids" (IDOR) tests."""
    from accounts.factories import UserFactory

    return UserFactory(first_name="Olly", last_name="Other")


@pytest.fixture(autouse=True)
def _clean_cache():
    """Rate limits and markers live in the cache; each test starts with an empty one."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def without_page_cache(settings):
    """For tests that pin what rendering a guest page costs: with the guest page cache
    (core.page_cache) on, their second request would be a hit with no query at all.
    Everything else, the tier leak tests above all, runs with the cache on."""
    settings.PAGE_CACHE_ENABLED = False


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


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """The whole demo (`load_demo`), loaded once for the test module that asks for it,
    inside a transaction rolled back after the module's last test.

    Each test still runs in a savepoint of its own (pytest-django's `db`), so what one
    test writes is gone before the next; only the demo is shared. The module's tests
    that do not ask for it run before those that do (pytest_collection_modifyitems), on
    an empty database. Tests of `load_demo` itself still call the command.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """In each run of a module's tests (after pytest-django's ordering), the tests that
    read the module's shared demo go last, so the others start from an empty database."""

    def reads_demo(item):
        return "demo_content" in getattr(item, "fixturenames", ())

    items[:] = [
        item
        for _path, run in groupby(items, key=lambda item: item.path)
        for item in sorted(run, key=reads_demo)
    ]


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`make test`'s `--dist loadfile`, keeping pytest-django's order on each worker
    (tests/parallel.py says why)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from tests.parallel import FileRunScheduling

    return FileRunScheduling(config, log)


MIGRATED_CONTENT = {}


def _flushes_database(item):
    """Browser tests and other transactional tests (thread races) flush the database."""
    marker = item.get_closest_marker("django_db")
    transactional = marker is not None and (
        marker.kwargs.get("transaction") or (marker.args and marker.args[0])
    )
    return bool(item.get_closest_marker("browser") or transactional)


@pytest.fixture
def migrated_site(transactional_db):
    """For transactional tests that start threads: the site, home page and permissions
    the migrations made, put back if an earlier transactional test flushed them.

    Use it instead of serialized_rollback: that reloads its snapshot on top of the
    content types an earlier flush re-created, and fails on their unique key.
    """
    restore_migrated_content()


@pytest.fixture(scope="session", autouse=True)
def _migrated_content_snapshot(request):
    """Snapshot what migrations created (home page, site, locale, permissions) right
    after the test database is built; browser tests put it back with
    `restore_migrated_content` after a transactional test flushed the database.

    serialized_rollback alone is not enough: Django keeps its snapshot on the
    connection object, and Playwright's sync API runs the browser tests in another
    context whose connection object has none, so nothing is restored there.
    """
    if not any(_flushes_database(item) for item in request.session.items):
        return
    request.getfixturevalue("django_db_setup")
    from django.db import connection

    with request.getfixturevalue("django_db_blocker").unblock():
        MIGRATED_CONTENT["default"] = connection.creation.serialize_db_to_string()


def restore_migrated_content():
    """Reload the migrations' content if a flush removed it (see above)."""
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection

    from wagtail.models import Site

    snapshot = MIGRATED_CONTENT.get("default")
    if snapshot and not Site.objects.exists():
        # The flush left content types and permissions behind (post_migrate re-created
        # them); clear those too, exactly as serialized_rollback's own flush would.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(snapshot)
        # The snapshot brings its own primary keys; move PostgreSQL's sequences past them.
        resets = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
        with connection.cursor() as cursor:
            for sql in resets:
                cursor.execute(sql)


def _hypothesis_without_deadlines():
    """Property tests check what grading returns, not how fast: a loaded CI machine must
    not fail them on Hypothesis's default 200 ms per example."""
    from hypothesis import settings

    settings.register_profile("groundschool", deadline=None)
    settings.load_profile("groundschool")


_hypothesis_without_deadlines()
