"""Settings for the test suite.

The database, cache and broker still come from the environment so CI can run the
same suite on PostgreSQL and Redis; everything else is made deterministic and fast.
Tasks run eagerly here; the broker test flips one task to a real worker itself.
"""

from .base import *  # noqa: F403
from .env import env_str

SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
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
