"""Fan-out: one notification to thousands of recipients (an announcement to a big
course, a new lesson), in Celery, never in the request.

fan_out() is what other apps call: it queues tasks.notify_in_batches through the task
outbox once the caller's transaction commits. Each batch costs a fixed number of
queries whatever its size: which recipients already have this notification (the
dedupe check that makes a retried task safe), their channels, one bulk insert and one
queued email task.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from core.outbox import enqueue

from .channels import channels_for
from .emails import email_after_commit
from .kinds import kind_for
from .models import Channel, Notification
from .services import build_rows, is_quiet, unread_changed


def fan_out(user_ids, kind, *, text, dedupe_key, url="", actor=None, target=None):
    """Queue notify_in_batches for `user_ids`; `dedupe_key` names this one event
    (e.g. "announcement:42") and becomes the rows' group key."""
    from .tasks import notify_in_batches

    kind_for(kind)
    if is_quiet():
        return None
    fields = {"text": text, "url": url, "dedupe_key": dedupe_key}
    if actor is not None:
        fields["actor_id"] = actor.pk
    if target is not None:
        fields["target_type_id"] = ContentType.objects.get_for_model(target).pk
        fields["target_id"] = str(target.pk)
    return enqueue(
        notify_in_batches, sorted({getattr(u, "pk", u) for u in user_ids}), kind, **fields
    )


def notify_batch(
    user_ids, kind, *, text, dedupe_key, url="", actor_id=None, target_type_id=None, target_id=""
):
    """Store one batch; returns how many rows were created."""
    ids = set(user_ids) - {actor_id}
    already = set(
        Notification.objects.filter(
            recipient_id__in=list(ids), kind=kind, group_key=dedupe_key[:100]
        ).values_list("recipient_id", flat=True)
    )
    channels = channels_for(ids - already, kind)
    rows = build_rows(
        channels,
        kind,
        text=text,
        url=url,
        group_key=dedupe_key,
        actor_id=actor_id,
        target_type_id=target_type_id,
        target_id=target_id,
    )
    with transaction.atomic():
        created = Notification.objects.bulk_create(rows)
        email_after_commit(
            [row.pk for row in created if channels[row.recipient_id] == Channel.EMAIL], kind
        )
        unread_changed([row.recipient_id for row in created])
    return len(created)
