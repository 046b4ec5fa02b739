"""The Celery application.

Workers start with `celery --workdir site -A config worker` (see the Makefile):
site/ is the source root, so `config` is importable from there. Without
CELERY_BROKER_URL the settings make every task run eagerly in-process.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("groundschool")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Each worker records a heartbeat that /healthz reads (core.outbox.worker).
app.steps["worker"].add("core.outbox.worker:Heartbeat")
