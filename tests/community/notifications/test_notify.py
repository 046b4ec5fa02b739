"""notify(): each channel, the master email switch, verified addresses only, the
delayed chat email and the unsubscribe headers of what is sent."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from accounts.factories import UserFactory
from accounts.models import Preferences
from community.notifications.emails import send_pending_emails
from community.notifications.fanout import fan_out
from community.notifications.models import Channel, Notification, NotificationPreference
from community.notifications.queries import unread_count
from community.notifications.services import mark_read, notify, quiet

pytestmark = pytest.mark.django_db


def choose(user, kind, channel):
    NotificationPreference.objects.create(user=user, kind=kind, channel=channel)


def test_email_channel_stores_and_emails_with_unsubscribe_headers(learner, commit):
    with commit():
        [row] = notify([learner], "announcement", text="Checkride tips posted", url="/dashboard/")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [learner.email]
    assert "Checkride tips posted" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert "/notifications/unsubscribe/" in link
    assert link in message.body
    html = message.alternatives[0][0]
    assert "Checkride tips posted" in html
    row.refresh_from_db()
    assert row.emailed_at is not None


@pytest.mark.parametrize("channel", [Channel.IN_APP, Channel.DIGEST])
def test_in_app_and_digest_store_without_immediate_mail(learner, commit, channel):
    choose(learner, "announcement", channel)
    with commit():
        notify([learner], "announcement", text="Hello")
    assert Notification.objects.filter(recipient=learner).count() == 1
    assert mail.outbox == []


def test_off_stores_nothing(learner, commit):
    choose(learner, "announcement", Channel.OFF)
    with commit():
        assert notify([learner], "announcement", text="Hello") == []
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_master_switch_turns_email_into_in_app(learner, commit):
    Preferences.objects.update_or_create(user=learner, defaults={"email_notifications": False})
    with commit():
        notify([learner], "announcement", text="Hello")
    assert Notification.objects.filter(recipient=learner).count() == 1
    assert mail.outbox == []


def test_unverified_address_gets_no_mail(commit):
    unverified = UserFactory(verified=False)
    with commit():
        notify([unverified], "announcement", text="Hello")
    assert Notification.objects.filter(recipient=unverified).count() == 1
    assert mail.outbox == []


def test_actor_is_not_notified_of_their_own_action(learner, other_learner):
    rows = notify([learner, other_learner], "announcement", text="Hi", actor=learner)
    assert [row.recipient_id for row in rows] == [other_learner.pk]


def test_message_email_waits_and_is_sent_only_if_still_unread(learner, other_learner, commit):
    with commit():
        [unread] = notify([learner], "new_message", text="Ida wrote", actor=other_learner)
        [read] = notify([other_learner], "new_message", text="Lee wrote", actor=learner)
    assert mail.outbox == []  # too early: the delayed task found it not yet due
    mark_read(other_learner, [read.pk])
    later = timezone.now() + timedelta(minutes=6)
    with commit():
        assert send_pending_emails(now=later) == 1
    assert [m.to for m in mail.outbox] == [[learner.email]]
    with commit():
        assert send_pending_emails(now=later) == 0  # idempotent
    assert len(mail.outbox) == 1
    unread.refresh_from_db()
    read.refresh_from_db()
    assert unread.emailed_at is not None
    assert read.emailed_at is None


def test_message_email_not_sent_before_the_delay(learner, commit, settings):
    settings.CHAT_EMAIL_DELAY_MINUTES = 10
    notify([learner], "new_message", text="Ida wrote")
    with commit():
        assert send_pending_emails(now=timezone.now() + timedelta(minutes=6)) == 0
    assert mail.outbox == []


def test_unread_count_follows_notify_and_mark_read(learner):
    assert unread_count(learner.pk) == 0
    rows = notify([learner], "quiz_graded", text="Quiz graded")
    assert unread_count(learner.pk) == 1
    mark_read(learner, [rows[0].pk])
    assert unread_count(learner.pk) == 0


def test_nothing_is_told_inside_quiet(learner, other_learner, commit):
    with commit(), quiet():
        assert notify([learner], "announcement", text="Bulk load") == []
        assert fan_out([learner.pk], "announcement", text="Bulk", dedupe_key="bulk:1") is None
    assert not Notification.objects.exists()
    assert not mail.outbox
    notify([learner], "announcement", text="After the load")
    assert Notification.objects.filter(recipient=learner).count() == 1
