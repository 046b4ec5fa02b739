"""Celery's autodiscovery imports only `<app>.tasks`: importing each part's task module
here registers its tasks with the workers (beat names them in config/settings/base.py)."""

from .analytics.tasks import take_nightly_snapshots  # noqa: F401
from .profiles.tasks import warn_cfi_expiring  # noqa: F401
