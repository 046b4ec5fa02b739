"""Warnings before CFI privileges lapse: the admin home banner and the daily reminders,
each sent once."""

from datetime import date, timedelta

from django.utils import timezone

import pytest

from community.notifications.models import Notification
from learning.instructors.models import InstructorProfile
from learning.instructors.profiles.tasks import warn_cfi_expiring

VALID_THROUGH = date(2025, 8, 31)


@pytest.fixture
def profile(team):
    return InstructorProfile.objects.create(
        user=team.lead,
        display_name="Ida",
        slug="ida",
        certificates_held=["CFI"],
        cfi_certificate_number="3456789CFI",
        cfi_expiration=VALID_THROUGH,
    )


def reminders(user):
    return list(
        Notification.objects.filter(recipient=user, kind="instructor_credentials")
        .order_by("created_at", "pk")
        .values_list("text", flat=True)
    )


def test_each_reminder_is_sent_once_on_its_day(profile, team):
    start = VALID_THROUGH - timedelta(days=70)
    for offset in range(0, 110):
        day = start + timedelta(days=offset)
        warn_cfi_expiring(day)
        warn_cfi_expiring(day)  # a retry, or beat firing twice
    texts = reminders(team.lead)
    assert len(texts) == 4
    assert "(60 days)" in texts[0]
    assert "(30 days)" in texts[1]
    assert "(7 days)" in texts[2]
    assert "lapsed" in texts[3]
    assert "31 August 2025" in texts[3]


def test_a_renewal_starts_the_reminders_afresh(profile, team):
    warn_cfi_expiring(VALID_THROUGH - timedelta(days=5))
    InstructorProfile.objects.filter(pk=profile.pk).update(cfi_expiration=date(2027, 8, 31))
    warn_cfi_expiring(date(2027, 7, 2))  # 60 days before
    assert len(reminders(team.lead)) == 2


def test_no_reminder_far_from_the_date_or_for_inactive_users(profile, team):
    assert warn_cfi_expiring(VALID_THROUGH - timedelta(days=61)) == 0
    type(team.lead).objects.filter(pk=team.lead.pk).update(is_active=False)
    assert warn_cfi_expiring(VALID_THROUGH - timedelta(days=7)) == 0
    assert reminders(team.lead) == []


def test_admin_home_banner_within_60_days(client, profile, team):
    today = timezone.localdate()
    client.force_login(team.lead)
    InstructorProfile.objects.filter(pk=profile.pk).update(
        cfi_expiration=today + timedelta(days=90)
    )
    assert "Your CFI privileges" not in client.get("/admin/").content.decode()
    InstructorProfile.objects.filter(pk=profile.pk).update(
        cfi_expiration=today + timedelta(days=20)
    )
    assert "Your CFI privileges end in 20 days" in client.get("/admin/").content.decode()
    InstructorProfile.objects.filter(pk=profile.pk).update(cfi_expiration=today - timedelta(days=3))
    assert "Your CFI privileges lapsed" in client.get("/admin/").content.decode()
    client.force_login(team.co)  # no profile: no banner
    assert "Your CFI privileges" not in client.get("/admin/").content.decode()
