"""Notification emails: who gets one, when, and what it carries.

Mail goes only to a recipient's verified primary address, through Django's mail path
(QueuedEmailBackend: the outbox, then Celery). Every email carries a one-click
unsubscribe link and the List-Unsubscribe / List-Unsubscribe-Post headers, so mail
clients offer their own unsubscribe button. Sending claims the row first with a
conditional update of emailed_at, so a task that runs twice sends one email.

"new_message" and "learner_message" wait CHAT_EMAIL_DELAY_MINUTES: a delayed task
checks the row then, and the beat sweeper send_pending_emails catches any the broker
lost (and, with eager Celery, sends them all).
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from allauth.account.models import EmailAddress

from core.outbox import enqueue

from .channels import channels_for
from .models import Channel, Notification
from .tokens import make_token

DELAYED_KINDS = frozenset({"new_message", "learner_message"})
SWEEP_WINDOW = timedelta(days=2)


def email_delay():
    return timedelta(minutes=getattr(settings, "CHAT_EMAIL_DELAY_MINUTES", 5))


def absolute(url):
    return url if url.startswith(("http://", "https://")) else f"{settings.SITE_URL}{url}"


def unsubscribe_url(user_id, kind):
    return absolute(reverse("notifications_unsubscribe", args=[make_token(user_id, kind)]))


def verified_addresses(user_ids):
    """{user id: verified primary address} (one query)."""
    rows = EmailAddress.objects.filter(
        user_id__in=list(user_ids), primary=True, verified=True, user__is_active=True
    ).values_list("user_id", "email")
    return dict(rows)


def build_message(address, subject, template, context, unsubscribe):
    """A text and HTML email with the unsubscribe link and headers (RFC 8058)."""
    context = {
        **context,
        "unsubscribe_url": unsubscribe,
        "preferences_url": absolute(reverse("notification_preferences")),
    }
    message = EmailMultiAlternatives(
        subject,
        render_to_string(f"{template}.txt", context),
        to=[address],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message


def email_subject(text):
    """One line of at most 78 characters: a line break in the text (a title typed with
    one) would make Django refuse the header and the email would never leave."""
    line = " ".join(str(text).split())
    return line if len(line) <= 78 else line[:77] + "…"


def notification_message(notification, address):
    context = {
        "notification": notification,
        "user": notification.recipient,
        "link": absolute(notification.url) if notification.url else "",
    }
    unsubscribe = unsubscribe_url(notification.recipient_id, notification.kind)
    subject = email_subject(notification.text)
    return build_message(
        address, subject, "community/notifications/email/notification", context, unsubscribe
    )


def claim(notification_id, now):
    """True for the one caller that marks the row emailed."""
    return bool(
        Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(
            emailed_at=now
        )
    )


def send_emails(ids, now=None):
    """Email each notification of `ids` that is still due: not emailed yet, its
    recipient still on the email channel with a verified address, and (delayed kinds)
    unread CHAT_EMAIL_DELAY_MINUTES after it was created. Returns how many were sent."""
    now = now or timezone.now()
    rows = list(
        Notification.objects.filter(pk__in=list(ids), emailed_at__isnull=True).select_related(
            "recipient", "actor"
        )
    )
    rows = [row for row in rows if row.kind not in DELAYED_KINDS or is_due(row, now)]
    addresses = verified_addresses({row.recipient_id for row in rows})
    channels = {}
    for kind in {row.kind for row in rows}:
        recipients = {row.recipient_id for row in rows if row.kind == kind}
        channels[kind] = channels_for(recipients, kind)
    sent = 0
    for row in rows:
        address = addresses.get(row.recipient_id)
        if address is None or channels[row.kind].get(row.recipient_id) != Channel.EMAIL:
            continue
        with transaction.atomic():
            if claim(row.pk, now):
                notification_message(row, address).send()
                sent += 1
    return sent


def is_due(notification, now):
    return notification.read_at is None and notification.created_at <= now - email_delay()


def send_pending_emails(now=None):
    """Beat: send the delayed emails whose time has come (the broker may have lost their
    task, and eager Celery runs it at once, too early)."""
    now = now or timezone.now()
    ids = Notification.objects.filter(
        kind__in=DELAYED_KINDS,
        emailed_at__isnull=True,
        read_at__isnull=True,
        created_at__lte=now - email_delay(),
        created_at__gte=now - SWEEP_WINDOW,
    ).values_list("pk", flat=True)
    return send_emails(list(ids), now)


def email_after_commit(ids, kind):
    """Start the emails of freshly stored notifications `ids` of `kind`."""
    from .tasks import send_notification_email, send_notification_emails

    if not ids:
        return
    if kind not in DELAYED_KINDS:
        enqueue(send_notification_emails, list(ids))
        return
    countdown = int(email_delay().total_seconds()) + 5

    def schedule():
        for notification_id in ids:
            send_notification_email.apply_async((notification_id,), countdown=countdown)

    transaction.on_commit(schedule, robust=True)
