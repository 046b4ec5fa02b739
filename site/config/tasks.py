"""Infrastructure tasks shared by every app."""

from django.conf import settings
from django.core.cache import cache
from django.core.mail import get_connection

from celery import shared_task

from .mail import MESSAGE_ID, payload_to_message

SENT_MARKER_SECONDS = 60 * 60 * 24


@shared_task(
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def deliver_email(payload):
    """Send one queued message with the configured delivery backend.

    Safe to run twice: a marker keyed by the Message-ID is claimed before sending,
    so a redelivered task (acks_late, worker restart) does not mail the user again.
    The marker is released when sending fails, so the retry can try again.
    """
    marker = f"mail-sent:{payload['headers'][MESSAGE_ID]}"
    if not cache.add(marker, "1", timeout=SENT_MARKER_SECONDS):
        return "duplicate"
    try:
        connection = get_connection(settings.EMAIL_DELIVERY_BACKEND)
        payload_to_message(payload, connection=connection).send()
    except Exception:
        cache.delete(marker)
        raise
    return "sent"
