"""Infrastructure tasks shared by every app."""

from django.conf import settings
from django.core.cache import cache
from django.core.mail import get_connection

from celery import shared_task

from .mail import message_id_of, payload_to_message

SENDING_CLAIM_SECONDS = 10 * 60
SENT_MARKER_SECONDS = 60 * 60 * 24


@shared_task(
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def deliver_email(payload):
    """Send one queued message with the configured delivery backend.

    Safe to run twice: a short "sending" claim keyed by the Message-ID stops two
    workers sending at once, and a day-long "sent" marker stops a redelivered task
    (acks_late, worker restart) mailing the user again. If a worker dies mid-send
    the claim simply expires, so the redelivered task sends; if sending fails the
    claim is released at once so the retry can send.
    """
    marker = f"mail-sent:{message_id_of(payload['headers'])}"
    if not cache.add(marker, "sending", timeout=SENDING_CLAIM_SECONDS):
        return "duplicate"
    try:
        connection = get_connection(settings.EMAIL_DELIVERY_BACKEND)
        payload_to_message(payload, connection=connection).send()
    except Exception:
        cache.delete(marker)
        raise
    cache.set(marker, "sent", timeout=SENT_MARKER_SECONDS)
    return "sent"
