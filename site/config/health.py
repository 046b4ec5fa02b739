"""/healthz: one JSON answer for load balancers and humans.

Each configured dependency is probed with a short timeout. Anything configured and
down makes the answer 503, so a load balancer takes the instance out of rotation.
A broker that is not configured is not "down": tasks then run eagerly in-process.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from kombu import Connection

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
    with Connection(url, connect_timeout=BROKER_TIMEOUT_SECONDS) as conn:
        conn.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)
    return {"ok": True, "mode": "broker", "transport": conn.transport_cls}


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}


def run_check(check):
    try:
        return check()
    except Exception as exc:
        return {"ok": False, "error": type(exc).__name__}


@never_cache
@require_safe
def healthz(request):
    results = {name: run_check(check) for name, check in CHECKS.items()}
    healthy = all(result["ok"] for result in results.values())
    body = {"status": "ok" if healthy else "unavailable", "checks": results}
    return JsonResponse(body, status=200 if healthy else 503)
