"""Notification Celery tasks: emails, the delayed-email sweeper, the daily digest and
the fan-out to thousands of recipients. Each is safe to run twice."""

from celery import shared_task

BATCH_SIZE = 1000


@shared_task
def send_notification_emails(ids):
    """Email the freshly stored notifications `ids` that are on the email channel."""
    from .emails import send_emails

    return send_emails(ids)


@shared_task
def send_notification_email(notification_id):
    """Delayed: email one chat notification if it is still unread by now."""
    from .emails import send_emails

    return send_emails([notification_id])


@shared_task
def send_pending_emails():
    """Beat (every minute): delayed chat emails whose time has come."""
    from .emails import send_pending_emails as send

    return send()


@shared_task
def send_daily_digests():
    """Beat (hourly): each recipient's digest once their local morning has come."""
    from .digest import send_daily_digests as send

    return send()


@shared_task
def notify_in_batches(user_ids, kind, **fields):
    """notify() `user_ids` in batches of BATCH_SIZE (bulk inserts, one preference
    query and one email task per batch). `dedupe_key` (required) is stored as the
    group key; a recipient who already has a row of this kind with that key is
    skipped, so a retried task notifies nobody twice. Returns how many were stored."""
    from .fanout import notify_batch

    stored = 0
    user_ids = sorted(set(user_ids))
    for start in range(0, len(user_ids), BATCH_SIZE):
        stored += notify_batch(user_ids[start : start + BATCH_SIZE], kind, **fields)
    return stored
