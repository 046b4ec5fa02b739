"""Invitations turn into membership when the invited address is proven to be the
user's: when allauth confirms it (`email_confirmed`), or when an address is created
already confirmed (an administrator, a social login, a test factory). Signing up with
the address is not enough: anyone can type an address, and the class spot, with its
enrollments and instructors, belongs to whoever owns it. Connected from
InstructorsConfig.ready().
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed

from .services import join_invited_cohorts


@receiver(email_confirmed, dispatch_uid="instructors_cohort_invites_on_confirm")
def join_on_confirmation(sender, email_address, **kwargs):
    if email_address.verified and email_address.user.is_active:
        join_invited_cohorts(email_address.user, email_address.email)


@receiver(post_save, sender=EmailAddress, dispatch_uid="instructors_cohort_invites_on_create")
def join_on_confirmed_address(sender, instance, created, raw=False, **kwargs):
    if created and instance.verified and not raw and instance.user.is_active:
        join_invited_cohorts(instance.user, instance.email)
