"""The site's one WebSocket (/ws/live/): live chat events and the unread bell count.

A signed-in, active user's socket joins their own notifications group at once and
the group of each conversation it asks to watch, once participant_or_404 agrees (the
same gate as every chat view). Events carry ids only (chat/live.py); the page fetches
the messages over HTTP. Authorisation is checked again for every chat event before it
is forwarded, so a socket that left, was removed or blocked stops hearing the
conversation at its next event, without waiting for a reconnect.
"""

import json
import time

from django.db.models import Exists, Q, Value
from django.http import Http404

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from community.notifications.live import user_group
from community.notifications.queries import unread_count

from .live import conversation_group
from .models import Block, Conversation, Participant
from .queries import participant_or_404

CLOSE_UNAUTHORISED = 4401
CLOSE_REAUTHENTICATE = 4000  # live.js reconnects at once; the new handshake is checked
MAX_FRAME_CHARS = 1024
MAX_WATCHED = 10
TYPING_INTERVAL = 1.0
CHAT_EVENTS = ("chat.message", "chat.changed", "chat.read", "chat.typing")


def _conversation_id(value):
    """A positive int from the client's JSON, or None (bools are not ids)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    try:
        number = int(value)
    except ValueError:
        return None
    return number if 0 < number < 2**63 else None


@database_sync_to_async
def _may_watch(user, conversation_id):
    try:
        participant_or_404(user, conversation_id)
    except Http404:
        return False
    return True


@database_sync_to_async
def _verdict(user_id, conversation_id, actor_id):
    """What to do with an event, in one query: "forward"; "hide" (the user blocked this
    event's actor); or "stop" (no longer an active participant with an active account,
    or a block either way in a direct conversation)."""
    mine = Participant.objects.filter(
        conversation_id=conversation_id, user_id=user_id, left_at__isnull=True, user__is_active=True
    )
    other_members = Participant.objects.filter(conversation_id=conversation_id).exclude(
        user_id=user_id
    )
    blocks_either_way = Block.objects.filter(
        Q(blocker_id=user_id, blocked_id__in=other_members.values("user_id"))
        | Q(blocked_id=user_id, blocker_id__in=other_members.values("user_id"))
    )
    row = (
        mine.annotate(
            any_block=Exists(blocks_either_way),
            actor_blocked=Exists(Block.objects.filter(blocker_id=user_id, blocked_id=actor_id))
            if actor_id
            else Value(False),
        )
        .values("conversation__kind", "any_block", "actor_blocked")
        .first()
    )
    if row is None:
        return "stop"
    if row["any_block"] and row["conversation__kind"] == Conversation.Kind.DIRECT:
        return "stop"
    if row["actor_blocked"]:
        return "hide"
    return "forward"


@database_sync_to_async
def _greeting(user):
    """The user's shown name (it may read the profile) and unread count."""
    return user.display_name, unread_count(user.pk)


class LiveConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.user = self.scope.get("user")
        self.watched = set()
        self.last_typing = 0.0
        await self.accept()
        if not (self.user and self.user.is_authenticated and self.user.is_active):
            # Accepted first so the browser sees the code and stops retrying.
            await self.close(code=CLOSE_UNAUTHORISED)
            return
        self.name, unread = await _greeting(self.user)
        self.own_group = user_group(self.user.pk)
        await self.channel_layer.group_add(self.own_group, self.channel_name)
        await self.send_json({"type": "notifications.unread", "count": unread})

    async def disconnect(self, code):
        if getattr(self, "own_group", None):
            await self.channel_layer.group_discard(self.own_group, self.channel_name)
        for conversation_id in list(getattr(self, "watched", ())):
            await self._unwatch(conversation_id)

    # --- From the browser ------------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        if text_data is None or len(text_data) > MAX_FRAME_CHARS:
            await self._error("bad_request")
            return
        try:
            content = json.loads(text_data)
        except ValueError:
            await self._error("bad_json")
            return
        if not isinstance(content, dict):
            await self._error("bad_request")
            return
        await self.receive_json(content)

    async def receive_json(self, content, **kwargs):
        action = content.get("action")
        if action == "ping":
            await self.send_json({"type": "pong"})
        elif action == "watch":
            await self._watch(content.get("conversation"))
        elif action == "unwatch":
            await self._unwatch_request(content.get("conversation"))
        elif action == "typing":
            await self._typing(content.get("conversation"))
        else:
            await self._error("unknown_action")

    async def _watch(self, raw_id):
        conversation_id = _conversation_id(raw_id)
        if conversation_id is None or not await _may_watch(self.user, conversation_id):
            await self._error("not_found", conversation=raw_id if conversation_id else None)
            return
        if conversation_id not in self.watched:
            if len(self.watched) >= MAX_WATCHED:
                await self._error("too_many")
                return
            self.watched.add(conversation_id)
            await self.channel_layer.group_add(
                conversation_group(conversation_id), self.channel_name
            )
        await self.send_json({"type": "watching", "conversation": conversation_id})

    async def _unwatch_request(self, raw_id):
        if raw_id is None:
            for conversation_id in list(self.watched):
                await self._unwatch(conversation_id)
            return
        conversation_id = _conversation_id(raw_id)
        if conversation_id in self.watched:
            await self._unwatch(conversation_id)

    async def _unwatch(self, conversation_id):
        self.watched.discard(conversation_id)
        await self.channel_layer.group_discard(
            conversation_group(conversation_id), self.channel_name
        )

    async def _typing(self, raw_id):
        conversation_id = _conversation_id(raw_id)
        if conversation_id not in self.watched:
            await self._error("not_found")
            return
        now = time.monotonic()
        if now - self.last_typing < TYPING_INTERVAL:
            return  # quietly dropped: typing is a hint, not a message
        self.last_typing = now
        if await _verdict(self.user.pk, conversation_id, None) != "forward":
            await self._unwatch(conversation_id)
            await self._error("not_found")
            return
        await self.channel_layer.group_send(
            conversation_group(conversation_id),
            {
                "type": "chat.typing",
                "conversation": conversation_id,
                "user": self.user.pk,
                "name": self.name,
                "origin": self.channel_name,
            },
        )

    async def _error(self, code, **extra):
        await self.send_json({"type": "error", "code": code, **extra})

    # --- From the channel layer --------------------------------------------------------

    async def live_reauth(self, event):
        await self.close(code=CLOSE_REAUTHENTICATE)

    async def notifications_unread(self, event):
        await self.send_json({"type": "notifications.unread", "count": int(event["count"])})

    async def chat_message(self, event):
        await self._forward_chat(event, actor=event.get("sender"))

    async def chat_changed(self, event):
        await self._forward_chat(event, actor=None)

    async def chat_read(self, event):
        await self._forward_chat(event, actor=event.get("user"))

    async def chat_typing(self, event):
        if event.get("origin") == self.channel_name:
            return  # never echoed to the typist
        await self._forward_chat(event, actor=event.get("user"))

    async def _forward_chat(self, event, actor):
        conversation_id = event.get("conversation")
        if conversation_id not in self.watched:
            return
        verdict = await _verdict(self.user.pk, conversation_id, actor)
        if verdict == "stop":
            await self._unwatch(conversation_id)
            return
        if verdict == "hide":
            return
        await self.send_json({key: value for key, value in event.items() if key != "origin"})
