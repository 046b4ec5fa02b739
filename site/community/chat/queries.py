"""Chat's reads: the conversation list, a thread, read positions and unread counts.

Every query here costs the same whatever the number of conversations or messages
(annotations and prefetches, never a query per row). participant_or_404 is the one
gate every view and the socket pass before showing a conversation.
"""

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from core.query import as_id

from .models import Block, Conversation, Message, Participant

MAX_LIMIT = 100
SEARCH_MAX_LENGTH = 100


def blocked_by(user):
    """Ids of the people `user` blocks: their messages are hidden from `user`."""
    return Block.objects.filter(blocker_id=user.pk).values("blocked_id")


def participant_or_404(user, conversation_id):
    """The user's active Participant (with its conversation) or Http404."""
    conversation_id = as_id(conversation_id)
    if conversation_id is None or not getattr(user, "is_authenticated", False):
        raise Http404("No such conversation.")
    participant = (
        Participant.objects.select_related("conversation")
        .filter(user_id=user.pk, conversation_id=conversation_id, left_at=None)
        .first()
    )
    if participant is None:
        raise Http404("No such conversation.")
    return participant


def unread_messages(user):
    """Messages that count as unread for `user`: not theirs, not deleted, not from
    someone they block (the caller limits them to messages after the read position)."""
    return (
        Message.objects.filter(is_deleted=False)
        .exclude(sender_id=user.pk)
        .exclude(sender_id__in=blocked_by(user))
    )


def conversations_for(user, search=""):
    """The user's active conversations, newest first, each with `unread`, `my_last_read`,
    `last_message` (and its sender) and `others` (the other active participants)."""
    unread = (
        unread_messages(user)
        .filter(conversation=OuterRef("pk"), id__gt=OuterRef("my_last_read"))
        .order_by()
        .values("conversation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    others = (
        Participant.objects.filter(left_at=None)
        .exclude(user_id=user.pk)
        .select_related("user__profile")
        .order_by("joined_at", "id")
    )
    conversations = (
        Conversation.objects.filter(participants__user_id=user.pk, participants__left_at=None)
        .annotate(
            my_last_read=Coalesce(F("participants__last_read_message_id"), Value(0)),
            muted=F("participants__muted"),
        )
        .annotate(unread=Coalesce(Subquery(unread, output_field=IntegerField()), Value(0)))
        .annotate(
            # The preview line must not show what someone the viewer blocks wrote.
            preview_hidden=Exists(
                Block.objects.filter(
                    blocker_id=user.pk, blocked_id=OuterRef("last_message__sender_id")
                )
            )
        )
        .select_related("last_message__sender__profile")
        .prefetch_related(Prefetch("participants", queryset=others, to_attr="others"))
        .order_by("-updated_at", "-id")
    )
    text = " ".join(str(search or "").replace("\x00", "").split())[:SEARCH_MAX_LENGTH]
    if text:
        people = Participant.objects.exclude(user_id=user.pk).filter(
            Q(user__first_name__icontains=text)
            | Q(user__last_name__icontains=text)
            | Q(user__email__icontains=text)
            | Q(user__profile__display_name__icontains=text)
        )
        said = Message.objects.filter(is_deleted=False, content__icontains=text).exclude(
            sender_id__in=blocked_by(user)
        )
        conversations = conversations.filter(
            Q(title__icontains=text)
            | Q(topic__icontains=text)
            | Q(pk__in=people.values("conversation_id"))
            | Q(pk__in=said.values("conversation_id"))
        )
    return conversations


def thread_messages(conversation, user, *, before=None, after=None, limit=30):
    """Up to `limit` messages, oldest first: the newest ones, those before message id
    `before` ("load earlier") or those after `after` (polling). Messages from people
    the viewer blocks are left out."""
    limit = max(1, min(int(limit or 30), MAX_LIMIT))
    messages = (
        Message.objects.filter(conversation_id=getattr(conversation, "pk", conversation))
        .exclude(sender_id__in=blocked_by(user))
        .select_related("sender__profile", "reply_to__sender__profile")
    )
    after_id = as_id(after) if after is not None else None
    before_id = as_id(before) if before is not None else None
    if after_id is not None:
        return list(messages.filter(id__gt=after_id).order_by("id")[:limit])
    if before_id is not None:
        messages = messages.filter(id__lt=before_id)
    return list(reversed(messages.order_by("-id")[:limit]))


def read_positions(conversation, exclude_user=None):
    """{user_id: last_read_message_id} of the active participants (for "Seen" marks),
    leaving out `exclude_user` (the viewer)."""
    rows = Participant.objects.filter(
        conversation_id=getattr(conversation, "pk", conversation), left_at=None
    )
    if exclude_user is not None:
        rows = rows.exclude(user_id=exclude_user.pk)
    return dict(rows.values_list("user_id", "last_read_message_id"))


def unread_total(user):
    """All the user's unread messages across their active conversations, in one query."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return (
        unread_messages(user)
        .filter(
            conversation__participants__user_id=user.pk,
            conversation__participants__left_at=None,
            id__gt=Coalesce(F("conversation__participants__last_read_message_id"), Value(0)),
        )
        .count()
    )
