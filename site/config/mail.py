"""Email through Celery: requests never wait on an SMTP server.

QueuedEmailBackend is Django's EMAIL_BACKEND, so every sender (allauth, Wagtail,
our own code) goes through it. Each message is turned into JSON, given a stable
Message-ID, and enqueued after the surrounding transaction commits, so a rolled-back
request sends nothing. config.tasks.deliver_email sends it with the real backend.
"""

import base64
from email.utils import make_msgid

from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend

MESSAGE_ID = "Message-ID"


def message_to_payload(message):
    """A JSON-safe dict holding everything needed to rebuild the message."""
    headers = dict(message.extra_headers)
    headers.setdefault(MESSAGE_ID, make_msgid(domain="groundschool"))
    attachments = []
    for filename, content, mimetype in message.attachments:
        raw = content.encode() if isinstance(content, str) else bytes(content)
        attachments.append([filename, base64.b64encode(raw).decode("ascii"), mimetype])
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": headers,
        "alternatives": [
            [content, mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
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
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, encoded, mimetype in payload["attachments"]:
        message.attach(filename, base64.b64decode(encoded), mimetype)
    return message


class QueuedEmailBackend(BaseEmailBackend):
    """Enqueue each message for delivery once the current transaction commits."""

    def send_messages(self, email_messages):
        from .tasks import deliver_email

        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            deliver_email.delay_on_commit(message_to_payload(message))
            count += 1
        return count
