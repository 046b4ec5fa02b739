"""Email through Celery: requests never wait on an SMTP server.

QueuedEmailBackend is Django's EMAIL_BACKEND, so every sender (allauth, Wagtail,
our own code) goes through it. Each message is turned into JSON, given a stable
Message-ID, and enqueued through the task outbox (core.outbox): a row written in the
surrounding transaction, published once it commits, so a rolled-back request sends
nothing and a broker that is down delays the message instead of losing it.
config.tasks.deliver_email sends it with the real backend.
"""

import base64
from email.mime.base import MIMEBase
from email.utils import make_msgid

from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend

from core.outbox import enqueue

MESSAGE_ID = "Message-ID"


def message_id_of(headers):
    """The message's Message-ID, whatever letter case the sender used for the header."""
    return next((value for name, value in headers.items() if name.lower() == "message-id"), None)


def attachment_to_list(attachment):
    if isinstance(attachment, MIMEBase):
        filename = attachment.get_filename() or "attachment"
        content, mimetype = attachment.get_payload(decode=True), attachment.get_content_type()
    else:
        filename, content, mimetype = attachment
    raw = content.encode() if isinstance(content, str) else bytes(content)
    return [filename, base64.b64encode(raw).decode("ascii"), mimetype]


def message_to_payload(message):
    """A JSON-safe dict holding everything needed to rebuild the message."""
    headers = dict(message.extra_headers)
    if message_id_of(headers) is None:
        headers[MESSAGE_ID] = make_msgid(domain="groundschool")
    return {
        "subject": message.subject,
        "body": message.body,
        "content_subtype": message.content_subtype,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": headers,
        "alternatives": [
            [content, mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [attachment_to_list(item) for item in message.attachments],
    }


def payload_to_message(payload, connection=None):
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["headers"],
        connection=connection,
    )
    message.content_subtype = payload.get("content_subtype", "plain")
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, encoded, mimetype in payload["attachments"]:
        message.attach(filename, base64.b64decode(encoded), mimetype)
    return message


def enqueue_after_commit(payload):

    from .tasks import deliver_email

    enqueue(deliver_email, payload)


class QueuedEmailBackend(BaseEmailBackend):
    """Enqueue each message for delivery once the current transaction commits.

    The request that sent the mail succeeds even when the broker is down: the message
    waits in the outbox and the relay publishes it when the broker is back. A message
    whose delivery fails for good (deliver_email's retries exhausted) is logged.
    """

    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            enqueue_after_commit(message_to_payload(message))
            count += 1
        return count
