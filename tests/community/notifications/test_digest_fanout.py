"""The daily digest (once per day however often it runs) and the batched fan-out."""

from datetime import timedelta

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from accounts.factories import UserFactory
from community.notifications.digest import send_daily_digests
from community.notifications.fanout import notify_batch
from community.notifications.models import Channel, DigestSent, Notification
from community.notifications.services import notify
from community.notifications.tasks import notify_in_batches

pytestmark = pytest.mark.django_db


def morning():
    return timezone.now().replace(hour=9, minute=0) + timedelta(days=1)


def test_digest_runs_twice_sends_once(learner, commit):
    notify([learner], "lesson_published", text="New lesson: Stalls")
    notify([learner], "lesson_published", text="New lesson: Spins")
    now = morning()
    with commit():
        assert send_daily_digests(now=now) == 1
        assert send_daily_digests(now=now) == 0
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Stalls" in body
    assert "Spins" in body
    assert "List-Unsubscribe" in mail.outbox[0].extra_headers
    assert DigestSent.objects.filter(user=learner).count() == 1
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_digest_waits_for_local_morning(learner, commit):
    notify([learner], "lesson_published", text="New lesson")
    early = timezone.now().replace(hour=3, minute=0)
    with commit():
        assert send_daily_digests(now=early) == 0
    assert mail.outbox == []


def test_digest_skips_read_and_non_digest(learner, commit):
    notify([learner], "quiz_graded", text="Quiz graded")  # in-app by default
    with commit():
        assert send_daily_digests(now=morning()) == 0


def make_learners(count):
    from accounts.models import User

    return User.objects.bulk_create([UserFactory.build() for _ in range(count)])


def queries_for(ids, key):
    with CaptureQueriesContext(connection) as context:
        notify_in_batches(ids, "announcement", text="Big news", dedupe_key=key)
    return len(context)


def test_each_batch_costs_the_same_number_of_queries():
    """Batches of 1,000: two batches cost exactly twice one (the bulk insert splits by
    the database's parameter limit, so the count per batch is fixed, not per row)."""
    one = queries_for([u.pk for u in make_learners(1000)], "announcement:1")
    two = queries_for([u.pk for u in make_learners(2000)], "announcement:2")
    assert two == 2 * one
    assert Notification.objects.count() == 3000


def test_fan_out_of_2500_in_batches_is_idempotent(commit):
    ids = [u.pk for u in make_learners(2500)]
    fields = {"text": "Ground school closed Monday", "dedupe_key": "announcement:9"}
    assert notify_in_batches(ids, "announcement", **fields) == 2500
    assert notify_in_batches(ids, "announcement", **fields) == 0  # a retried task
    assert Notification.objects.filter(kind="announcement").count() == 2500


def test_fan_out_honours_off(learner):
    from community.notifications.models import NotificationPreference

    NotificationPreference.objects.create(user=learner, kind="announcement", channel=Channel.OFF)
    assert notify_batch([learner.pk], "announcement", text="x", dedupe_key="a:1") == 0
