"""The nightly snapshot run in Celery (beat: config.settings.base CELERY_BEAT_SCHEDULE).

Idempotent and safe to enqueue twice or retry: a run recomputes the whole day from the
records and upserts on (subject, day), so a duplicate or a retry after a crash halfway
rewrites the same rows. The day travels as an ISO date string (JSON-safe); without one
the run snapshots yesterday (UTC), so a delayed run still covers the day that ended.
"""

import datetime

from celery import shared_task

from .snapshots import take_snapshots


@shared_task
def take_nightly_snapshots(day=None):
    written = take_snapshots(datetime.date.fromisoformat(day) if day else None)
    return {**written, "day": written["day"].isoformat()}
