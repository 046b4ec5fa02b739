"""Which channel each recipient hears a kind on: their own choice, else the kind's
default, and never email when their master email switch (Preferences) is off.

One query per call whatever the number of recipients, so a fan-out batch of 1,000
costs the same as a batch of one. Ids of users that no longer exist are dropped.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Subquery

from accounts.models import Preferences

from .kinds import kind_for
from .models import Channel, NotificationPreference

EMAILED = (Channel.EMAIL, Channel.DIGEST)


def effective_channel(chosen, default, email_on):
    channel = chosen or default
    if channel in EMAILED and not email_on:
        return Channel.IN_APP
    return channel


def channels_for(user_ids, kind):
    """{user id: channel} for `kind` and each existing active user of `user_ids`."""
    default = kind_for(kind).default
    chosen = NotificationPreference.objects.filter(user_id=OuterRef("pk"), kind=kind)
    email_off = Preferences.objects.filter(user_id=OuterRef("pk"), email_notifications=False)
    rows = (
        get_user_model()
        .objects.filter(pk__in=list(user_ids), is_active=True)
        .annotate(chosen=Subquery(chosen.values("channel")[:1]), email_off=Exists(email_off))
        .values_list("pk", "chosen", "email_off")
    )
    return {pk: effective_channel(pick, default, not off) for pk, pick, off in rows}


def user_channels(user):
    """{kind key: the channel `user` chose, or None for the default} for every kind."""
    return dict(NotificationPreference.objects.filter(user=user).values_list("kind", "channel"))
