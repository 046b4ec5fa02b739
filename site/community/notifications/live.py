"""Live updates of a person's unread count over the site's WebSocket.

Each signed-in socket joins the group named by user_group(); unread_changed() tells
those sockets the new count once the surrounding transaction commits. Without a
channel layer, or with one that is down, nothing is sent and nothing fails: the bell
falls back to polling.

Signing out ends the person's open sockets (sessions_ended): each reconnects at once
and is let in again only with a session that is still signed in, so a tab that signed
out stops hearing anything while the person's other devices carry on.
"""

import logging

from django.contrib.auth.signals import user_logged_out
from django.db import transaction
from django.dispatch import receiver

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

log = logging.getLogger(__name__)


def user_group(user_id):
    return f"user.{user_id}"


def send_to_group(group, event):
    """group_send now; a failing layer is logged, never raised to the caller."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, event)
    except Exception:
        log.warning("live update to %s not sent", group, exc_info=True)


def unread_changed(user_ids):
    """After commit, push each user's current unread notification count."""

    def push():
        from .queries import unread_counts

        for user_id, count in unread_counts(user_ids).items():
            send_to_group(user_group(user_id), {"type": "notifications.unread", "count": count})

    transaction.on_commit(push)


def sessions_ended(user_id):
    """Ask every open socket of `user_id` to reconnect, so each one's session is
    checked again (the consumer closes with code 4000; live.js reconnects)."""
    transaction.on_commit(lambda: send_to_group(user_group(user_id), {"type": "live.reauth"}))


# Connected on import: services.py imports this module, and the app's ready() imports
# services (through subscriptions).
@receiver(user_logged_out, dispatch_uid="notifications.live.signed_out")
def _signed_out(sender, user=None, **kwargs):
    if user is not None and user.pk is not None:
        sessions_ended(user.pk)
