"""Subscription events (premium started, canceled, expired, plan changed) as
notifications to the member, from Subscription's save signals.

accounts sits below notifications and may not call notify(), so this module listens:
pre_save remembers the stored plan and status, post_save compares and notifies when
what the member has changed. Saving the same values again notifies nobody.
"""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.urls import reverse

from accounts.models import Subscription

from .services import notify

Tier, Status = Subscription.Tier, Subscription.Status


def message(before, after):
    """The text for a change of (tier, status) from `before` (None: new) to `after`."""
    tier, status = after
    if before == after:
        return None
    if tier == Tier.PREMIUM and status == Status.ACTIVE:
        return "Your Premium membership is active: every lesson is open to you"
    if tier == Tier.PREMIUM and status == Status.CANCELED:
        return "Your Premium membership was canceled"
    if tier == Tier.PREMIUM and status == Status.EXPIRED:
        return "Your Premium membership has expired"
    if tier == Tier.PREMIUM and status == Status.PAST_DUE:
        return "Your Premium payment is past due: update your payment to keep Premium"
    if before is not None and before[0] == Tier.PREMIUM and tier == Tier.REGISTERED:
        return "Your membership changed to the free Registered plan"
    return None


@receiver(pre_save, sender=Subscription)
def remember_stored_plan(sender, instance, raw=False, **kwargs):
    stored = None
    if instance.pk and not raw:
        stored = Subscription.objects.filter(pk=instance.pk).values_list("tier", "status").first()
    instance._stored_plan = stored


@receiver(post_save, sender=Subscription)
def notify_plan_change(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    before = None if created else getattr(instance, "_stored_plan", None)
    text = message(before, (instance.tier, instance.status))
    if text:
        notify(
            [instance.user_id],
            "subscription",
            text=text,
            url=reverse("account_settings"),
            target=instance,
            group_key=f"subscription:{instance.pk}",
        )
