"""Settings shared by every environment, read from environment variables only.

Embedded defaults (SQLite under var/, eager Celery, local-memory cache, console
email) make a fresh clone run with no configuration; each default is replaced by
setting the variable named beside it. The README lists every variable.
"""

from pathlib import Path

import dj_database_url
from celery.schedules import crontab

from .env import env_bool, env_int, env_list, env_str

SOURCE_ROOT = Path(__file__).resolve().parents[2]
BASE_DIR = SOURCE_ROOT.parent
VAR_DIR = BASE_DIR / "var"

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # First, so `manage.py runserver` is daphne's: HTTP and WebSockets from one process.
    "daphne",
    "channels",
    "core",
    "accounts",
    "pages",
    "snippets",
    "learning.courses",
    "learning.enrollments",
    "learning.assessments",
    "learning.acs",
    "learning.flashcards",
    "learning.orals",
    "learning.learner",
    "learning.instructors",
    "community.reviews",
    "community.gouge",
    "community.chat",
    "community.notifications",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.table_block",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_filters",
    "heroicons",  # server-rendered SVG icons ({% heroicon_outline "name" %})
    "allauth",
    "allauth.account",
    "django_celery_beat",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "demo",  # load_demo and its loaders; no product app imports it
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.page_cache.middleware.PageCacheMiddleware",  # before sessions: hits skip them
    "pages.cache.CachePolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.middleware.NulBytesMiddleware",
    "core.middleware.MalformedChooserIdMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.UserTimezoneMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.site",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------
DEFAULT_SQLITE_URL = f"sqlite:///{VAR_DIR / 'groundschool.sqlite3'}"
DATABASE_URL = env_str("DATABASE_URL", DEFAULT_SQLITE_URL)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # IMMEDIATE: a transaction takes the write lock when it begins, so parallel writers
    # (a double-submitted review, two tabs) queue for up to `timeout` seconds instead of
    # failing with "database is locked" halfway (SQLite ignores select_for_update).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    if DATABASE_URL == DEFAULT_SQLITE_URL:
        VAR_DIR.mkdir(exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions ---------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "groundschool",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Channel layer (live updates over the site's WebSocket, docs/realtime.md) -----
# Redis carries events between processes (gunicorn writes, daphne's sockets listen);
# without it the in-memory layer serves the single `make run` process.
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL], "prefix": "groundschool:live"},
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# --- Accounts ---------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["accounts.backends.EmailAuthenticationBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# Learners land on their dashboard, editors in the admin (AccountAdapter.get_login_redirect_url).
LOGIN_REDIRECT_URL = "dashboard"
PASSWORD_RESET_TIMEOUT = 60 * 60  # reset links work for one hour

ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupDetailsForm"
# allauth's forms in our words (sentence case, one-line password rules).
ACCOUNT_FORMS = {
    "signup": "accounts.signup_form.SignupForm",
    "login": "accounts.signup_form.LoginForm",
    "change_password": "accounts.signup_form.ChangePasswordForm",
    "set_password": "accounts.signup_form.SetPasswordForm",
    "reset_password": "accounts.signup_form.ResetPasswordForm",
    "reset_password_from_key": "accounts.signup_form.ResetPasswordKeyForm",
}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 1
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Groundschool] "
ACCOUNT_USER_DISPLAY = "accounts.models.user_display"
# allauth's limiter also counts our own costly or spammable endpoints (core.ratelimit).
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "contact_form": "5/10m/ip",  # each submission emails staff
    "flashcards_optimize": "3/h/user",  # a parameter fit costs about a CPU second
    "flashcards_upload": "10/h/user,30/d/user",  # deck files are parsed and stored
    "endorsement_sign": "10/15m/user",  # each try checks the instructor's password
}

# --- Email ------------------------------------------------------------------------
# Django sends through QueuedEmailBackend, which hands each message to Celery;
# the worker (or the request, when eager) delivers it with EMAIL_DELIVERY_BACKEND.
EMAIL_BACKEND = "config.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "emails"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Groundschool <no-reply@groundschool.test>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery -----------------------------------------------------------------------
# Without a broker, tasks run eagerly in-process (the embedded default).
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_IMPORTS = ["config.tasks"]
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Beat copies these into django-celery-beat's table, where admins can change them.
CELERY_BEAT_SCHEDULE = {
    "recompute-examiner-stats-nightly": {
        "task": "community.gouge.tasks.recompute_all_examiner_stats",
        "schedule": 24 * 60 * 60,
        "options": {"expires": 6 * 60 * 60},
    },
    "submit-expired-quiz-attempts": {
        "task": "learning.assessments.tasks.submit_expired_attempts",
        "schedule": 60,
        "options": {"expires": 55},
    },
    "email-flashcard-reminders-hourly": {
        "task": "learning.flashcards.tasks.send_due_reminders",
        "schedule": 60 * 60,
        "options": {"expires": 50 * 60},
    },
    "delete-stale-flashcard-imports-hourly": {
        "task": "learning.flashcards.import_tasks.delete_stale_imports",
        "schedule": 60 * 60,
        "options": {"expires": 50 * 60},
    },
    "optimize-fsrs-parameters-weekly": {
        "task": "learning.flashcards.tasks.optimize_all",
        "schedule": 7 * 24 * 60 * 60,
        "options": {"expires": 24 * 60 * 60},
    },
    "send-notification-digests-hourly": {
        "task": "community.notifications.tasks.send_daily_digests",
        "schedule": 60 * 60,
        "options": {"expires": 50 * 60},
    },
    "send-delayed-notification-emails": {
        "task": "community.notifications.tasks.send_pending_emails",
        "schedule": 60,
        "options": {"expires": 55},
    },
    "relay-task-outbox": {
        "task": "core.outbox.tasks.relay_outbox",
        "schedule": 30,
        "options": {"expires": 25},
    },
    # Yesterday's analytics snapshots (UTC), once the day has ended everywhere it counts.
    "take-analytics-snapshots-nightly": {
        "task": "learning.instructors.analytics.tasks.take_nightly_snapshots",
        "schedule": crontab(hour=0, minute=30),
        "options": {"expires": 12 * 60 * 60},
    },
    # Reminders 60, 30 and 7 days before an instructor's CFI privileges lapse (and the
    # day after); idempotent, so a missed or repeated run sends each once.
    "warn-cfi-expiring-daily": {
        "task": "learning.instructors.profiles.tasks.warn_cfi_expiring",
        "schedule": crontab(hour=14, minute=0),
        "options": {"expires": 12 * 60 * 60},
    },
}
# A chat notification is emailed only if still unread this many minutes later.
CHAT_EMAIL_DELAY_MINUTES = env_int("CHAT_EMAIL_DELAY_MINUTES", 5)
# The task outbox (core.outbox): the app enqueues tasks as database rows and publishes
# them after commit; the relay republishes any not finished within the visibility
# timeout (lost with a broker that restarted empty, or a worker that died).
OUTBOX_PUBLISH_TIMEOUT = env_int("OUTBOX_PUBLISH_TIMEOUT", 2)  # seconds; then the row waits
OUTBOX_VISIBILITY_TIMEOUT = env_int("OUTBOX_VISIBILITY_TIMEOUT", 60 * 60)
# /healthz answers 503 (with a broker configured) when no worker heartbeat is this
# recent, or a task has waited unstarted this long.
WORKER_HEARTBEAT_INTERVAL = 30
WORKER_HEARTBEAT_STALE_SECONDS = env_int("WORKER_HEARTBEAT_STALE_SECONDS", 120)
OUTBOX_STALE_SECONDS = env_int("OUTBOX_STALE_SECONDS", 15 * 60)

# --- Internationalization ---------------------------------------------------------
LANGUAGE_CODE = "en-us"
LANGUAGES = [("en-us", "English (US)")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static and media ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploads are public media (page and course images, avatars: MEDIA_ROOT, served at
# MEDIA_URL) or private files (documents, certificate PDFs, flashcard imports, learners'
# card pictures and imported card images), which only views that check the viewer hand
# out. "default" routes each name to one of the two (core/storage.py). Wagtail
# streams a local document through its checking view and, on S3, redirects to a
# presigned URL; WAGTAILDOCS_SERVE_METHOD must never be "direct".
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Never inside MEDIA_ROOT (nor anywhere a web server serves).
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private-media")))
PRIVATE_MEDIA_URL_SECONDS = env_int("PRIVATE_MEDIA_URL_SECONDS", 300)
s3_bucket = env_str("AWS_STORAGE_BUCKET_NAME")
if s3_bucket:
    # One bucket with a public/ and a private/ prefix, or a separate private bucket.
    s3_options = {
        "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env_str("AWS_S3_REGION_NAME") or None,
        "addressing_style": env_str("AWS_S3_ADDRESSING_STYLE") or None,
        "signature_version": "s3v4",
    }
    public_media = {
        "BACKEND": "core.s3.PublicS3Storage",
        "OPTIONS": {
            **s3_options,
            "bucket_name": s3_bucket,
            "location": "public",
            "default_acl": env_str("AWS_PUBLIC_ACL", "public-read") or None,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
        },
    }
    private_media = {
        "BACKEND": "core.s3.PrivateS3Storage",
        "OPTIONS": {
            **s3_options,
            "bucket_name": env_str("AWS_PRIVATE_STORAGE_BUCKET_NAME") or s3_bucket,
            "location": "private",
        },
    }
else:
    public_media = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    private_media = {"BACKEND": "core.storage.PrivateFileSystemStorage"}
STORAGES = {
    "default": {"BACKEND": "core.storage.MediaStorage"},
    "public": public_media,
    "private": private_media,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Wagtail ------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Groundschool"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"  # every login goes through allauth's checks
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"  # login-restricted pages and documents too
# No Gravatar: the admin would send each user's email hash to gravatar.com and show
# broken pictures offline; Wagtail falls back to its neutral default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_PASSWORD_RESET_ENABLED = False  # allauth's reset is the one reset flow
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    *["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"],
    *["mp4", "webm"],  # lesson videos played with the browser's own player
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Content review -----------------------------------------------------------------
# Lessons, quizzes, decks and oral questions last checked longer ago than this many days
# (or never) are listed under Reports > Content due for review (accounts.content_review).
CONTENT_REVIEW_MAX_AGE_DAYS = env_int("CONTENT_REVIEW_MAX_AGE_DAYS", 365)

# --- Instructors --------------------------------------------------------------------
# A learner with no lesson, quiz or flashcard activity for this many days is flagged
# "inactive" on their instructors' rosters (learning.instructors.roster.risk).
INSTRUCTOR_INACTIVE_DAYS = env_int("INSTRUCTOR_INACTIVE_DAYS", 14)

# --- HTTP caching -------------------------------------------------------------------
# Anonymous pages that set no cookie may sit in a shared cache this long (pages.cache).
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 300)
# A caching proxy (Varnish, nginx with purge) in front of the site: Wagtail sends it an
# HTTP PURGE for a page's URLs whenever the page is published, unpublished or moved.
FRONTEND_CACHE_PURGE_URL = env_str("FRONTEND_CACHE_PURGE_URL")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
# The guest page cache (core.page_cache): how long a page is kept, which path prefixes
# it never caches (besides the admin, accounts and uploads), the largest page it keeps,
# and the models (app_label.Model) of apps above core whose saves purge it, besides
# pages, snippets, settings, redirects, images and documents.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_EXCLUDE = ["/certificates/"]  # a revoked certificate must read so at once
PAGE_CACHE_MAX_BYTES = 1024 * 1024
PAGE_CACHE_PURGE_MODELS = [
    *["reviews.Review", "reviews.HelpfulVote", "reviews.CourseRating"],
    *["gouge.GougeReport", "gouge.ExaminerStats"],
    *["acs.AcsStandard", "acs.AcsArea", "acs.AcsTask", "acs.AcsElement"],
]
# Where "upgrade" calls to action point until payments exist.
PREMIUM_URL = env_str("PREMIUM_URL", "/premium/")

# --- Logging --------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Wagtail runs search-index and reference-index updates as django-tasks and logs
    # each one at INFO; only their failures are worth a line.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
