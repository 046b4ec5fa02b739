"""What one-click unsubscribe changes: the kind's emails become in-app only; the digest
link moves every kind that was going to the digest to the site only (nothing is lost:
the notifications still appear under the bell)."""

from .channels import user_channels
from .kinds import KINDS, kind_for
from .models import Channel, NotificationPreference
from .tokens import DIGEST


def describe(kind):
    if kind == DIGEST:
        return "the daily digest"
    return f"emails about “{kind_for(kind).label}”"


def set_channel(user, kinds, channel):
    rows = [NotificationPreference(user=user, kind=key, channel=channel) for key in kinds]
    NotificationPreference.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["user", "kind"], update_fields=["channel"]
    )


def apply_unsubscribe(user, kind):
    """Idempotent: a second click finds nothing left to change."""
    if kind != DIGEST:
        set_channel(user, [kind], Channel.IN_APP)
        return
    chosen = user_channels(user)
    digest_kinds = [k.key for k in KINDS if (chosen.get(k.key) or k.default) == Channel.DIGEST]
    if digest_kinds:
        set_channel(user, digest_kinds, Channel.IN_APP)
