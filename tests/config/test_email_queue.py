"""Email goes through Celery after commit, exactly once, and survives a down server."""

import contextlib

from django.core import mail
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives, send_mail
from django.db import transaction

import pytest
from celery.exceptions import Retry

from config.mail import MESSAGE_ID, message_to_payload, payload_to_message
from config.tasks import deliver_email

pytestmark = pytest.mark.django_db


def test_mail_sent_in_a_committed_transaction_is_delivered_by_the_eager_task(commit):
    with commit():
        send_mail("Checkride tomorrow", "Bring your logbook.", None, ["ada@example.test"])
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Checkride tomorrow"
    assert mail.outbox[0].extra_headers[MESSAGE_ID]


def test_mail_sent_in_a_rolled_back_transaction_is_never_delivered(commit):
    with commit(), contextlib.suppress(RuntimeError), transaction.atomic():
        send_mail("Welcome", "Hello", None, ["ada@example.test"])
        raise RuntimeError("the request failed after queuing the email")
    assert mail.outbox == []


def test_a_redelivered_task_does_not_mail_twice():
    message = EmailMultiAlternatives("Reminder", "Study today", to=["ada@example.test"])
    payload = message_to_payload(message)
    assert deliver_email.delay(payload).get() == "sent"
    assert deliver_email.delay(payload).get() == "duplicate"
    assert len(mail.outbox) == 1


def test_a_failed_send_can_be_retried_later(settings):
    payload = message_to_payload(EmailMultiAlternatives("Hi", "Body", to=["ada@example.test"]))
    settings.EMAIL_DELIVERY_BACKEND = "tests.config.failing_email_backend.DownEmailBackend"
    with pytest.raises(Retry):  # a worker would try again later, with backoff
        deliver_email.apply(args=[payload])
    assert mail.outbox == []
    assert cache.get(f"mail-sent:{payload['headers'][MESSAGE_ID]}") is None

    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert deliver_email.delay(payload).get() == "sent"
    assert len(mail.outbox) == 1


def test_payload_keeps_html_attachments_and_headers():
    message = EmailMultiAlternatives(
        "Certificate",
        "Text version",
        "school@example.test",
        ["ada@example.test"],
        cc=["cfi@example.test"],
        reply_to=["help@example.test"],
        headers={"X-Tag": "cert"},
    )
    message.attach_alternative("<p>HTML version</p>", "text/html")
    message.attach("certificate.pdf", b"%PDF-1.4 binary\x00\xff", "application/pdf")

    rebuilt = payload_to_message(message_to_payload(message))
    assert rebuilt.alternatives[0][0] == "<p>HTML version</p>"
    assert rebuilt.attachments[0][1] == b"%PDF-1.4 binary\x00\xff"
    assert rebuilt.cc == ["cfi@example.test"]
    assert rebuilt.reply_to == ["help@example.test"]
    assert rebuilt.extra_headers["X-Tag"] == "cert"


def test_html_only_messages_stay_html_and_keep_their_own_message_id():
    message = EmailMultiAlternatives(
        "Badge", "<p>Solo!</p>", to=["ada@example.test"], headers={"Message-Id": "<a@b>"}
    )
    message.content_subtype = "html"
    payload = message_to_payload(message)
    assert list(payload["headers"]) == ["Message-Id"]

    rebuilt = payload_to_message(payload)
    assert rebuilt.content_subtype == "html"
    assert rebuilt.message()["Message-Id"] == "<a@b>"
