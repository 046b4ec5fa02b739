"""Three probes, from narrow to whole:

- /livez: this web process answers (nothing else checked): for restart-on-failure.
- /readyz: this instance can serve pages (database and cache answer): for the load
  balancer. A dead broker or idle workers must not take every web instance out of
  rotation at once; the task outbox keeps their work until they are back.
- /healthz: the whole system, for monitoring and alerts. Each configured dependency
  is probed with a short timeout; with a broker, background work counts too: the
  newest worker heartbeat must be recent (WORKER_HEARTBEAT_STALE_SECONDS) and no
  outbox task may have waited unstarted longer than OUTBOX_STALE_SECONDS; "broker"
  also reports its queue length (Redis). Any failure makes it 503.

A broker that is not configured is not "down": tasks then run eagerly in-process.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from celery import current_app
from kombu import Connection

from core.outbox.publishing import stats as outbox_stats

BROKER_TIMEOUT_SECONDS = 2


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "vendor": connection.vendor}


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    ok = cache.get(key) == "1"
    cache.delete(key)
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return {"ok": ok, "backend": backend}


def check_broker():
    url = settings.CELERY_BROKER_URL
    if not url:
        return {"ok": True, "mode": "eager"}
    timeouts = {
        "socket_connect_timeout": BROKER_TIMEOUT_SECONDS,
        "socket_timeout": BROKER_TIMEOUT_SECONDS,
    }
    with Connection(
        url, connect_timeout=BROKER_TIMEOUT_SECONDS, transport_options=timeouts
    ) as conn:
        conn.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)
        result = {"ok": True, "mode": "broker", "transport": conn.transport_cls}
        if conn.transport.driver_type == "redis":
            # Messages waiting in the default queue (all its priority lists).
            queue = current_app.conf.task_default_queue
            result["queue_length"] = conn.default_channel.queue_declare(queue=queue).message_count
    return result


def check_worker(figures):
    if not settings.CELERY_BROKER_URL:
        return {"ok": True, "mode": "eager"}
    age, limit = figures["heartbeat_age"], settings.WORKER_HEARTBEAT_STALE_SECONDS
    return {"ok": age is not None and age <= limit, "heartbeat_age": age, "max_age": limit}


def check_outbox(figures):
    """Tasks the app queued and no worker has finished. Without a broker a waiting task
    (one whose in-process run broke off) is reported, never a reason to fail."""
    waiting, limit = figures["oldest_waiting_age"], settings.OUTBOX_STALE_SECONDS
    ok = not settings.CELERY_BROKER_URL or waiting is None or waiting <= limit
    return {
        "ok": ok,
        "pending": figures["pending"],
        "unpublished": figures["unpublished"],
        "oldest_pending_age": figures["oldest_pending_age"],
        "oldest_waiting_age": waiting,
        "max_waiting_age": limit,
    }


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}
BACKGROUND_CHECKS = {"worker": check_worker, "outbox": check_outbox}


def run_check(check, *args):
    try:
        return check(*args)
    except Exception as exc:
        return {"ok": False, "error": type(exc).__name__}


@never_cache
@require_safe
def healthz(request):
    results = {name: run_check(check) for name, check in CHECKS.items()}
    try:
        figures = outbox_stats()  # heartbeat and backlog, one read for both checks
    except Exception as exc:  # the database is down (reported above)
        results.update(
            {name: {"ok": False, "error": type(exc).__name__} for name in BACKGROUND_CHECKS}
        )
    else:
        results.update(
            {name: run_check(check, figures) for name, check in BACKGROUND_CHECKS.items()}
        )
    healthy = all(result["ok"] for result in results.values())
    body = {"status": "ok" if healthy else "unavailable", "checks": results}
    return JsonResponse(body, status=200 if healthy else 503)


SERVING_CHECKS = {"database": check_database, "cache": check_cache}


@never_cache
@require_safe
def readyz(request):
    """Whether this instance can serve pages: the database and the cache answer."""
    results = {name: run_check(check) for name, check in SERVING_CHECKS.items()}
    ready = all(result["ok"] for result in results.values())
    body = {"status": "ok" if ready else "unavailable", "checks": results}
    return JsonResponse(body, status=200 if ready else 503)


@never_cache
@require_safe
def livez(request):
    """This web process answers requests: no dependency is checked (see above)."""
    return JsonResponse({"status": "ok"})
