"""The invitation email to an address that has no confirmed account yet.

It goes through Django's mail path (config.mail.QueuedEmailBackend: the outbox, then
Celery), like every other email, and only after the import committed
(services.import_members). It links to sign-up; the class spot is taken when the
address is confirmed (receivers.py), never by merely signing up with it.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

TEMPLATES = "learning/instructors/cohorts/email/"


def inviter_name(actor):
    return (actor.get_full_name() if actor else "") or "Your instructor"


def message_for(cohort, actor, member):
    context = {
        "cohort": cohort,
        "member": member,
        "inviter": inviter_name(actor),
        "signup_url": f"{settings.SITE_URL}{reverse('account_signup')}",
        "login_url": f"{settings.SITE_URL}{reverse('account_login')}",
    }
    subject = " ".join(f"{context['inviter']} invited you to {cohort.name}".split())[:78]
    message = EmailMultiAlternatives(
        subject, render_to_string(TEMPLATES + "invitation.txt", context), to=[member.email]
    )
    message.attach_alternative(
        render_to_string(TEMPLATES + "invitation.html", context), "text/html"
    )
    return message


def send(cohort, actor, members):
    """Email each invited member (called after commit)."""
    for member in members:
        message_for(cohort, actor, member).send()
