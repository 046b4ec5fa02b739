"""Signed one-click unsubscribe tokens: they name a user and a kind (or "digest") and
work without logging in, so only the signature, with a salt used for nothing else,
stands between a stranger and someone's preferences."""

from django.conf import settings
from django.core import signing

from .kinds import BY_KEY

SALT = "notifications.unsubscribe"
DIGEST = "digest"
MAX_AGE_DAYS = 180


class BadToken(Exception):
    """A token that was altered, has expired or names nothing we know."""


def make_token(user_id, kind):
    return signing.dumps({"u": user_id, "k": kind}, salt=SALT, compress=True)


def read_token(token):
    """(user id, kind) from `token`, or BadToken."""
    max_age = getattr(settings, "NOTIFICATIONS_UNSUBSCRIBE_MAX_AGE_DAYS", MAX_AGE_DAYS)
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age * 24 * 60 * 60)
    except signing.BadSignature as error:
        raise BadToken(str(error)) from error
    if not isinstance(data, dict):
        raise BadToken("not a token")
    user_id, kind = data.get("u"), data.get("k")
    if not isinstance(user_id, int) or (kind != DIGEST and kind not in BY_KEY):
        raise BadToken("names nothing we know")
    return user_id, kind
