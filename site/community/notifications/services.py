"""notify() and the read state: the one way any app tells people something.

notify() stores the in-app notification for each recipient whose channel for the kind
is not "off" and, once the transaction commits, starts the email for those whose
channel is "email" (emails.py). Digest-channel rows wait for the daily digest
(digest.py). Large recipient lists go through tasks.notify_in_batches so a request
never fans out to thousands itself. Every change of someone's unread count forgets
their cached count (queries.py) and pushes the new one to their open pages (live.py).
"""

import contextlib
from contextvars import ContextVar

from django.db import transaction
from django.utils import timezone

from . import live
from .channels import channels_for
from .kinds import kind_for
from .models import Channel, Notification, target_fields
from .queries import forget_unread

_quiet = ContextVar("notifications_quiet", default=False)


@contextlib.contextmanager
def quiet():
    """Tell nobody anything inside this block: for bulk loads (the demo content, an
    import) whose lessons, enrollments and certificates are not news to anyone."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def is_quiet():
    return _quiet.get()


def unread_changed(user_ids):
    """Forget the cached counts now and after commit (a read in between may have cached
    the old count), then push the new counts to open pages."""
    user_ids = list(user_ids)
    if not user_ids:
        return
    forget_unread(user_ids)
    transaction.on_commit(lambda: forget_unread(user_ids))
    live.unread_changed(user_ids)


def build_rows(channels, kind, *, text, url, group_key, actor_id, target_type_id, target_id):
    """Unsaved notifications of `kind` for each recipient in `channels` ({user id:
    channel}) whose channel is not "off"; notify() and the fan-out batches share it."""
    return [
        Notification(
            recipient_id=user_id,
            kind=kind,
            actor_id=actor_id,
            target_type_id=target_type_id,
            target_id=target_id,
            text=text[:255],
            url=url[:500],
            group_key=group_key[:100],
        )
        for user_id, channel in sorted(channels.items())
        if channel != Channel.OFF
    ]


def notify(recipients, kind, *, text, url="", actor=None, target=None, group_key=""):
    """Notify each of `recipients` (users or user ids) of `kind`; returns the
    notifications stored. The actor is never notified of their own action."""
    from .emails import email_after_commit

    kind_for(kind)  # fail loudly on a typo
    if is_quiet():
        return []
    ids = {getattr(r, "pk", r) for r in recipients} - {getattr(actor, "pk", None)}
    if not ids:
        return []
    channels = channels_for(ids, kind)
    target_type, target_id = target_fields(target)
    rows = build_rows(
        channels,
        kind,
        text=text,
        url=url,
        group_key=group_key,
        actor_id=getattr(actor, "pk", None),
        target_type_id=getattr(target_type, "pk", None),
        target_id=target_id,
    )
    with transaction.atomic():
        created = Notification.objects.bulk_create(rows)
        email_after_commit(
            [row.pk for row in created if channels[row.recipient_id] == Channel.EMAIL], kind
        )
        unread_changed([row.recipient_id for row in created])
    return created


def mark_read(user, ids):
    """Mark `user`'s notifications among `ids` read; others' ids change nothing.
    Returns how many changed."""
    changed = Notification.objects.filter(
        recipient=user, pk__in=list(ids), read_at__isnull=True
    ).update(read_at=timezone.now())
    if changed:
        unread_changed([user.pk])
    return changed


def mark_read_by_group(user, group_key):
    """Mark every unread notification of `user` sharing `group_key` read (chat calls it
    when a conversation is read)."""
    if not group_key:
        return 0
    changed = Notification.objects.filter(
        recipient=user, group_key=group_key, read_at__isnull=True
    ).update(read_at=timezone.now())
    if changed:
        unread_changed([user.pk])
    return changed


def mark_all_read(user):
    changed = Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    if changed:
        unread_changed([user.pk])
    return changed
