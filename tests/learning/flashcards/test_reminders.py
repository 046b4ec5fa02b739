"""The "cards due" email: once per study day (even if the task runs twice), after 08:00
local time, only for learners who opted in and have cards due."""

import datetime

from django.core import mail

import pytest

from learning.flashcards.models import CardState, CardStateKind, ReminderSent
from learning.flashcards.reminders import send_due_reminders
from learning.flashcards.tasks import send_due_reminders as reminder_task

from .conftest import set_timezone

pytestmark = pytest.mark.django_db

MONDAY_0900_NEW_YORK = datetime.datetime(2026, 6, 15, 13, 0, tzinfo=datetime.UTC)


@pytest.fixture
def due_learner(learner, deck):
    set_timezone(learner, "America/New_York")
    preferences = learner.preferences
    preferences.study_reminder_frequency = "daily"
    preferences.email_notifications = True
    preferences.save()
    past = MONDAY_0900_NEW_YORK - datetime.timedelta(days=2)
    CardState.objects.filter(user=learner, card__position__lt=3).update(
        state=CardStateKind.REVIEW, due=past, stability=4.0, difficulty=5.0, last_review=past
    )
    return learner


def run(commit, now):
    with commit():
        return send_due_reminders(now=now)


def test_one_email_per_study_day_even_when_run_twice(due_learner, commit):
    assert run(commit, MONDAY_0900_NEW_YORK) == 1
    assert run(commit, MONDAY_0900_NEW_YORK + datetime.timedelta(hours=1)) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [due_learner.email]
    assert message.subject == "3 flashcards due today"
    assert "3 flashcards due" in message.body
    assert "/flashcards/" in message.body
    html = message.alternatives[0][0]
    assert "<strong>3 flashcards</strong>" in html
    sent = ReminderSent.objects.get(user=due_learner)
    assert (sent.study_day, sent.due_count) == (datetime.date(2026, 6, 15), 3)


def test_the_next_study_day_gets_a_new_email(due_learner, commit):
    run(commit, MONDAY_0900_NEW_YORK)
    run(commit, MONDAY_0900_NEW_YORK + datetime.timedelta(days=1))
    assert len(mail.outbox) == 2


def test_not_before_eight_in_the_learners_timezone(due_learner, commit):
    assert run(commit, datetime.datetime(2026, 6, 15, 11, 59, tzinfo=datetime.UTC)) == 0
    assert run(commit, datetime.datetime(2026, 6, 15, 12, 1, tzinfo=datetime.UTC)) == 1


@pytest.mark.parametrize(
    ("field", "value"), [("study_reminder_frequency", "never"), ("email_notifications", False)]
)
def test_nothing_for_learners_who_opted_out(due_learner, commit, field, value):
    setattr(due_learner.preferences, field, value)
    due_learner.preferences.save()
    assert run(commit, MONDAY_0900_NEW_YORK) == 0
    assert mail.outbox == []


def test_nothing_when_no_card_is_due(learner, deck, commit):
    learner.preferences.study_reminder_frequency = "daily"
    learner.preferences.save()
    assert run(commit, MONDAY_0900_NEW_YORK) == 0  # only new cards: nothing is due
    assert mail.outbox == []
    assert not ReminderSent.objects.exists()


def test_weekly_reminders_come_on_mondays_only(due_learner, commit):
    due_learner.preferences.study_reminder_frequency = "weekly"
    due_learner.preferences.save()
    assert run(commit, MONDAY_0900_NEW_YORK + datetime.timedelta(days=1)) == 0
    assert run(commit, MONDAY_0900_NEW_YORK) == 1


def test_the_beat_task_sends_them(due_learner, commit):
    with commit():
        assert reminder_task.delay().get() in (0, 1)
    assert ReminderSent.objects.count() == len(mail.outbox)


def test_nothing_to_an_unverified_address(due_learner, commit):
    due_learner.emailaddress_set.update(verified=False)
    assert run(commit, MONDAY_0900_NEW_YORK) == 0
    assert mail.outbox == []
