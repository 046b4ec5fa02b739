"""The daily digest: one email a day listing what arrived on the "digest" channel.

Beat runs send_daily_digests hourly; each recipient gets theirs once their local clock
(Preferences.timezone) passes DIGEST_HOUR. It lists their unread notifications not yet
emailed whose kind is on the digest channel. The DigestSent row for (user, local day)
is written first under its unique constraint, in the same transaction that marks the
rows emailed and queues the email, so the task run twice, or by two workers, sends
one digest.
"""

from collections import defaultdict
from datetime import time, timedelta
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import Preferences

from .channels import channels_for
from .emails import absolute, build_message, unsubscribe_url, verified_addresses
from .models import Channel, DigestSent, Notification
from .tokens import DIGEST

DIGEST_HOUR = 7
LOOKBACK = timedelta(days=7)
MAX_ITEMS = 50


def local_day(tz_name, now):
    """The recipient's local date, or None before DIGEST_HOUR there."""
    try:
        tz = ZoneInfo(tz_name or "UTC")
    except (ValueError, KeyError):
        tz = ZoneInfo("UTC")
    local = now.astimezone(tz)
    if local.time() < time(DIGEST_HOUR):
        return None
    return local.date()


def pending_by_user(now):
    """{user id: [notification, ...]} of unread, unemailed digest-channel rows."""
    rows = (
        Notification.objects.filter(
            emailed_at__isnull=True, read_at__isnull=True, created_at__gte=now - LOOKBACK
        )
        .select_related("recipient")
        .order_by("recipient_id", "-created_at")
    )
    by_kind = defaultdict(set)
    rows = list(rows)
    for row in rows:
        by_kind[row.kind].add(row.recipient_id)
    digest = {
        (user_id, kind)
        for kind, users in by_kind.items()
        for user_id, channel in channels_for(users, kind).items()
        if channel == Channel.DIGEST
    }
    pending = defaultdict(list)
    for row in rows:
        if (row.recipient_id, row.kind) in digest:
            pending[row.recipient_id].append(row)
    return pending


def send_digest(user, day, address, items, now):
    """Record, mark and queue one digest; False when this day's was already sent."""
    try:
        with transaction.atomic():
            DigestSent.objects.create(user=user, day=day, sent_at=now)
            Notification.objects.filter(
                pk__in=[item.pk for item in items], emailed_at__isnull=True
            ).update(emailed_at=now)
            context = {
                "user": user,
                "items": [(item, absolute(item.url) if item.url else "") for item in items][
                    :MAX_ITEMS
                ],
                "more": max(0, len(items) - MAX_ITEMS),
            }
            count = len(items)
            subject = f"Your Groundschool digest: {count} update{'s' if count != 1 else ''}"
            build_message(
                address,
                subject,
                "community/notifications/email/digest",
                context,
                unsubscribe_url(user.pk, DIGEST),
            ).send()
    except IntegrityError:
        return False
    return True


def send_daily_digests(now=None):
    """Send every digest due now; returns how many were sent."""
    now = now or timezone.now()
    pending = pending_by_user(now)
    if not pending:
        return 0
    zones = dict(
        Preferences.objects.filter(user_id__in=list(pending)).values_list("user_id", "timezone")
    )
    addresses = verified_addresses(pending)
    sent = 0
    for user_id, items in pending.items():
        day = local_day(zones.get(user_id), now)
        address = addresses.get(user_id)
        if day is None or address is None:
            continue
        if send_digest(items[0].recipient, day, address, items, now):
            sent += 1
    return sent
