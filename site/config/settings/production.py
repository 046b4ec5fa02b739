"""Production: refuses to start on unsafe configuration and passes check --deploy.

Every process is stateless (database, Redis, broker and media live elsewhere), so
web and worker processes scale out horizontally behind a TLS-terminating proxy.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int

if DEBUG:  # noqa: F405
    raise ImproperlyConfigured("DEBUG must be off in production: unset DEBUG or set DEBUG=false.")
if not SECRET_KEY or SECRET_KEY.startswith(("dev-only", "django-insecure")):  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a long random value in production "
        '(python -c "import secrets; print(secrets.token_urlsafe(50))").'
    )
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY is too short or too simple: use 50+ random characters.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names, comma-separated.")
if not REDIS_URL:  # noqa: F405
    raise ImproperlyConfigured(
        "REDIS_URL must be set in production: rate limits, sessions and the once-only "
        "email marker must be shared by every process."
    )
if EMAIL_DELIVERY_BACKEND.endswith(("console.EmailBackend", "locmem.EmailBackend")):  # noqa: F405
    raise ImproperlyConfigured(
        "EMAIL_BACKEND must name a real mail backend in production (for example "
        "django.core.mail.backends.smtp.EmailBackend); sign-up depends on delivered email."
    )

# TLS ends at the proxy, which must set X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Rate limits count per visitor, not per proxy: the client address is read from
# X-Forwarded-For, trusting as many hops as proxies we run in front of the site.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^livez$"]  # probes use plain HTTP
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

# Wagtail's live preview renders the page in a same-origin iframe, so frames are
# allowed from this origin only; check --deploy's DENY advice would break previews.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
