"""Settings for the test suite.

The database, cache and broker still come from the environment so CI can run the
same suite on PostgreSQL and Redis; everything else is made deterministic and fast.
Tasks run eagerly here; the broker test flips one task to a real worker itself.

`make test` runs the suite in parallel (pytest-xdist). Each worker process has its own
test database (pytest-django adds _gw0, _gw1 to its name) and, set here, its own media
folders and Redis cache database: tests call cache.clear(), a FLUSHDB, which would
otherwise wipe the rate-limit counters and sessions of a test in the other worker.
"""

from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .env import env_str

# "gw0", "gw1", ... in a pytest-xdist worker; empty in a plain (serial) run.
XDIST_WORKER = env_str("PYTEST_XDIST_WORKER")

SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
MEDIA_ROOT = VAR_DIR / "-".join(filter(None, ["test-media", XDIST_WORKER]))  # noqa: F405
# Private files follow MEDIA_ROOT ("<MEDIA_ROOT>-private"), so a test that points
# MEDIA_ROOT at its tmp_path keeps its private files there too.
PRIVATE_MEDIA_ROOT = None
WAGTAILADMIN_BASE_URL = env_str("SITE_URL", "http://testserver")
# Serve static files straight from static/ (no collectstatic before tests).
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = VAR_DIR / "test-static"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# FSRS interval fuzzing off, so tests compare our scheduling with fsrs on equal inputs.
FLASHCARDS_FUZZ = False


def redis_url_for_worker(url, worker):
    """The configured Redis database for worker gw0 (and serial runs), the ones below
    it for the others: with CI's cache on 14 and broker on 15, gw0 and gw1 use 14 and
    13. Redis has 16 numbered databases by default; the numbers wrap around there."""
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0) - int(worker.removeprefix("gw") or 0)
    return urlunsplit(parts._replace(path=f"/{database % 16}"))


if REDIS_URL and XDIST_WORKER:  # noqa: F405
    CACHES["default"]["LOCATION"] = redis_url_for_worker(REDIS_URL, XDIST_WORKER)  # noqa: F405
    CHANNEL_LAYERS["default"]["CONFIG"]["hosts"] = [CACHES["default"]["LOCATION"]]  # noqa: F405
