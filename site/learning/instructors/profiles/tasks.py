"""The daily reminder that an instructor's CFI privileges are about to lapse.

`warn_cfi_expiring` notifies (kind "instructor_credentials") 60, 30 and 7 days before
the profile's "valid through" date and again the day after it (recency.reminder_stage).
It stores nothing of its own: each reminder's notification carries a dedupe key naming
the profile, the date and the stage, and a reminder whose key already exists is not
sent again, so running the task twice a day, or retrying it, tells nobody twice. A new
date (the instructor renewed) makes new keys, so the next period is reminded afresh.
An instructor who turned the kind off gets no row and so nothing, day after day.
learning.instructors.tasks imports this module, so Celery's autodiscovery registers it.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from celery import shared_task

from community.notifications.models import Notification
from community.notifications.services import notify

from ..models import InstructorProfile
from .recency import WARN_DAYS, reminder_stage

KIND = "instructor_credentials"
LAPSED_FOR = 30  # days after the date the "lapsed" notice is still due (see recency)


def dedupe_key(profile, stage):
    return f"cfi-recency:{profile.pk}:{profile.cfi_expiration:%Y-%m-%d}:{stage}"


def reminder_text(profile, stage):
    day = date_format(profile.cfi_expiration, "j F Y")
    if stage == "lapsed":
        return f"Your CFI privileges lapsed after {day}. Reinstate them before you instruct."
    return f"Your CFI privileges end on {day} ({stage} days). Time to renew (14 CFR 61.197)."


def profiles_in_window(today):
    """Profiles whose date falls where some reminder may be due, active users only."""
    return InstructorProfile.objects.filter(
        user__is_active=True,
        cfi_expiration__gte=today - timedelta(days=LAPSED_FOR),
        cfi_expiration__lte=today + timedelta(days=max(WARN_DAYS)),
    ).only("pk", "user_id", "cfi_expiration")


@shared_task
def warn_cfi_expiring(today=None):
    """Send each reminder due today that was not sent before; returns how many went."""
    today = today or timezone.localdate()
    due = {}
    for profile in profiles_in_window(today):
        stage = reminder_stage(profile.cfi_expiration, today)
        if stage is not None:
            due[dedupe_key(profile, stage)] = (profile, stage)
    sent_before = set(
        Notification.objects.filter(kind=KIND, group_key__in=list(due)).values_list(
            "group_key", flat=True
        )
    )
    url = reverse("instructors_my_profile")
    sent = 0
    for key, (profile, stage) in due.items():
        if key in sent_before:
            continue
        text = reminder_text(profile, stage)
        sent += len(notify([profile.user_id], KIND, text=text, url=url, group_key=key))
    return sent
