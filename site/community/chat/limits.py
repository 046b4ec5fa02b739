"""The limits every message passes, whether it comes from a form or the socket: body
length, the client token's shape and the per-user rate (counted in the shared cache,
so every web and socket process sees the same count)."""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from .errors import ChatRefused
from .models import MAX_BODY_LENGTH

DEFAULT_MESSAGES_PER_MINUTE = 20


def clean_body(content, allow_empty=False):
    body = str(content or "").replace("\x00", "").strip()
    if not body and not allow_empty:
        raise ChatRefused("Write a message first.", status=400)
    if len(body) > MAX_BODY_LENGTH:
        raise ChatRefused(
            f"Messages can be at most {MAX_BODY_LENGTH:,} characters (this one has {len(body):,}).",
            status=400,
        )
    return body


def parse_token(client_token):
    if client_token in (None, ""):
        return None
    try:
        return uuid.UUID(str(client_token))
    except ValueError:
        raise ChatRefused("Invalid message token.", status=400) from None


def check_rate(user, scope="send"):
    """Count one message (or, with scope="edit", one edit: a separate count of the same
    size) for `user` in this minute; ChatRefused(429) past the limit. cache.add starts
    the minute's counter atomically, cache.incr counts atomically."""
    limit = getattr(settings, "CHAT_MESSAGES_PER_MINUTE", DEFAULT_MESSAGES_PER_MINUTE)
    prefix = "chat:rate" if scope == "send" else f"chat:rate:{scope}"
    key = f"{prefix}:{user.pk}:{int(timezone.now().timestamp() // 60)}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=120)
        count = 1
    if count > limit:
        raise ChatRefused(
            f"You are sending messages too quickly (at most {limit} a minute). "
            "Wait a moment and try again.",
            status=429,
        )
