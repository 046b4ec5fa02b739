"""The preferences page and one-click unsubscribe (signed token, works logged out)."""

from django.core import mail
from django.urls import reverse

import pytest

from accounts.models import Preferences
from community.notifications.models import Channel, NotificationPreference
from community.notifications.services import notify
from community.notifications.tokens import make_token
from tests.roles import member_of

pytestmark = pytest.mark.django_db


def channel_of(user, kind):
    row = NotificationPreference.objects.filter(user=user, kind=kind).first()
    return row.channel if row else None


def form_data(kinds, **overrides):
    data = dict.fromkeys(kinds, Channel.IN_APP)
    data.update(overrides)
    return data


LEARNER_KINDS = ["new_message", "lesson_published", "announcement", "quiz_graded",
                 "certificate_issued", "oral_graded", "gouge_decision", "review_update",
                 "instructor_feedback", "endorsement", "cohort", "subscription"]  # fmt: skip


def test_learner_sees_no_instructor_kinds_instructor_does(client, learner):
    client.force_login(learner)
    html = client.get(reverse("notification_preferences")).content.decode()
    assert 'name="announcement"' in html
    assert 'name="new_enrollment"' not in html
    client.force_login(member_of("Instructors"))
    html = client.get(reverse("notification_preferences")).content.decode()
    assert 'name="new_enrollment"' in html


def test_saving_stores_channels_and_master_switch(client, learner):
    client.force_login(learner)
    data = form_data(LEARNER_KINDS, announcement=Channel.OFF)
    response = client.post(reverse("notification_preferences"), data, follow=True)
    assert "Your notification settings are saved." in response.content.decode()
    assert channel_of(learner, "announcement") == Channel.OFF
    assert Preferences.objects.get(user=learner).email_notifications is False


def test_bad_channel_is_a_400_with_nothing_saved(client, learner):
    client.force_login(learner)
    data = form_data(LEARNER_KINDS, announcement="<b>loud</b>")
    response = client.post(reverse("notification_preferences"), data)
    assert response.status_code == 400
    assert not NotificationPreference.objects.filter(user=learner).exists()


def test_email_link_unsubscribes_logged_out(client, learner, commit):
    with commit():
        notify([learner], "announcement", text="News")
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = link.removeprefix("http://127.0.0.1:8000")
    confirm = client.get(path)
    assert confirm.status_code == 200
    assert "Unsubscribe" in confirm.content.decode()
    assert channel_of(learner, "announcement") is None  # GET changes nothing
    # A mail client's one-click POST carries no session and no CSRF token.
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert channel_of(learner, "announcement") == Channel.IN_APP


def test_digest_link_moves_digest_kinds_to_the_site_only(client, learner):
    client.post(reverse("notifications_unsubscribe", args=[make_token(learner.pk, "digest")]))
    assert channel_of(learner, "lesson_published") == Channel.IN_APP


@pytest.mark.parametrize(
    "token",
    ["garbage", "eyJ1IjoxLCJrIjoiYW5ub3VuY2VtZW50In0:1tX:abc", "x" * 300],
)
def test_tampered_token_is_a_400(client, learner, token):
    for method in (client.get, client.post):
        response = method(reverse("notifications_unsubscribe", args=[token]))
        assert response.status_code == 400
    assert not NotificationPreference.objects.exists()


def test_token_for_another_user_cannot_be_forged(client, learner, other_learner):
    token = make_token(learner.pk, "announcement")
    forged = token.replace(
        token.split(":")[0], make_token(other_learner.pk, "announcement").split(":")[0]
    )
    assert client.post(reverse("notifications_unsubscribe", args=[forged])).status_code == 400
    assert not NotificationPreference.objects.exists()


def test_expired_token_is_a_400(client, learner, settings):
    settings.NOTIFICATIONS_UNSUBSCRIBE_MAX_AGE_DAYS = -1
    token = make_token(learner.pk, "announcement")
    assert client.get(reverse("notifications_unsubscribe", args=[token])).status_code == 400
