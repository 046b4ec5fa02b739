"""Read paths for unread counts: the header bell, the live socket and the polling JSON.

The bell renders on every page, so a warm count costs no query: each user's count sits
in Django's cache under ``notif:unread:<id>`` and every write that changes it forgets
that key (forget_unread). The next read recounts once and caches again.
"""

from django.core.cache import cache
from django.db.models import Count

from .models import Notification

UNREAD_KEY = "notif:unread:{}"
UNREAD_TTL = 24 * 60 * 60


def unread_key(user_id):
    return UNREAD_KEY.format(user_id)


def unread_counts(user_ids):
    """{user id: unread count} for each id, from the cache where warm, else one query
    for all the cold ones together."""
    user_ids = list(dict.fromkeys(user_ids))
    keys = {unread_key(user_id): user_id for user_id in user_ids}
    cached = cache.get_many(list(keys))
    counts = {keys[key]: value for key, value in cached.items()}
    cold = [user_id for user_id in user_ids if user_id not in counts]
    if cold:
        fresh = dict.fromkeys(cold, 0)
        rows = (
            Notification.objects.filter(recipient_id__in=cold, read_at__isnull=True)
            .values("recipient_id")
            .annotate(count=Count("id"))
            .order_by()
        )
        fresh.update({row["recipient_id"]: row["count"] for row in rows})
        cache.set_many({unread_key(user_id): count for user_id, count in fresh.items()}, UNREAD_TTL)
        counts.update(fresh)
    return counts


def unread_count(user_id):
    return unread_counts([user_id])[user_id]


def forget_unread(user_ids):
    """Drop the cached counts of `user_ids`; their next read recounts."""
    cache.delete_many([unread_key(user_id) for user_id in set(user_ids)])
