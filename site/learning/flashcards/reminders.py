"""The "cards due" reminder email, at most once per learner per study day.

Beat runs ``send_due_reminders`` every hour; each learner gets their email once their
local clock passes REMINDER_HOUR on their study day (or the day's start, when the
rollover is later). The ReminderSent row is written first under a unique constraint,
so two workers, or a task run twice, send one email: the loser's insert fails and it
skips. QueuedEmailBackend sends only after that row commits.
"""

from dataclasses import dataclass
from datetime import datetime, time

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from allauth.account.models import EmailAddress

from accounts.models import Preferences

from .clock import clock_for
from .models import CardState, ReminderSent

REMINDER_HOUR = 8
MONDAY = 0


@dataclass(frozen=True)
class Reminder:
    study_day: object
    due: int
    new: int


def study_link():
    try:
        path = reverse("flashcards_study")
    except NoReverseMatch:
        path = reverse("flashcards_stats")
    return f"{settings.SITE_URL}{path}"


def reminder_day(user, preferences, now):
    """The study day to remind `user` about now, or None (too early, or not Monday for
    a weekly reminder)."""
    from .services import study_settings_for

    study_settings = study_settings_for(user)
    clock = clock_for(user, study_settings)
    day = clock.day_of(now)
    weekly = preferences.study_reminder_frequency == Preferences.ReminderFrequency.WEEKLY
    if weekly and day.weekday() != MONDAY:
        return None, study_settings
    send_from = datetime.combine(day, time(REMINDER_HOUR), tzinfo=clock.tz)
    if now < max(send_from, clock.start_of(day)):
        return None, study_settings
    return day, study_settings


def due_reminder(user, preferences, now):
    """What to tell `user` now, or None: no reminder due, or nothing to review."""
    from .queue import todays_queue

    day, study_settings = reminder_day(user, preferences, now)
    if day is None or ReminderSent.objects.filter(user=user, study_day=day).exists():
        return None
    queue = todays_queue(user, now=now, settings=study_settings)
    due = queue.review_left + queue.learning_left
    return Reminder(day, due, queue.new_left) if due else None


def send_reminder(user, reminder):
    """Record, then send; False when another run already recorded this day."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                user=user, study_day=reminder.study_day, due_count=reminder.due
            )
            context = {"user": user, "reminder": reminder, "link": study_link()}
            subject = f"{reminder.due} flashcard{'s' if reminder.due != 1 else ''} due today"
            message = EmailMultiAlternatives(
                subject,
                render_to_string("learning/flashcards/email/reminder.txt", context),
                to=[user.email],
            )
            message.attach_alternative(
                render_to_string("learning/flashcards/email/reminder.html", context), "text/html"
            )
            message.send()
    except IntegrityError:
        return False
    return True


def reminder_candidates():
    """Active learners with a verified address who asked for reminders and study cards
    (EXISTS subqueries: a join would repeat each learner once per card)."""

    studies = CardState.objects.filter(user_id=OuterRef("user_id"))
    verified = EmailAddress.objects.filter(user_id=OuterRef("user_id"), verified=True)
    return (
        Preferences.objects.filter(
            Exists(studies),
            Exists(verified),
            study_reminder_frequency__in=[
                Preferences.ReminderFrequency.DAILY,
                Preferences.ReminderFrequency.WEEKLY,
            ],
            email_notifications=True,
            user__is_active=True,
        )
        .exclude(user__email="")
        .select_related("user")
    )


def send_due_reminders(now=None):
    """Send every reminder that is due now; returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    for preferences in reminder_candidates().iterator():
        user = preferences.user
        reminder = due_reminder(user, preferences, now)
        if reminder is not None and send_reminder(user, reminder):
            sent += 1
    return sent
