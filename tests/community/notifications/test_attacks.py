"""A hostile user against notifications: redirects through /open/, markup and header
breaks in notification text, unsubscribe tokens reused or altered, posts without a
CSRF token. Real requests through the test client; real mail in Django's outbox."""

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from community.notifications.factories import NotificationFactory
from community.notifications.models import Channel, NotificationPreference
from community.notifications.services import notify
from community.notifications.tokens import make_token

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.mark.parametrize(
    "url",
    [
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "\t//evil.example/",
        " https://evil.example/",
        "https:evil.example",
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "http://testserver@evil.example/",
    ],
)
def test_open_never_leaves_the_site_whatever_the_stored_url(client, learner, url):
    row = NotificationFactory(recipient=learner, url=url)
    client.force_login(learner)
    response = client.get(reverse("notification_open", args=[row.pk]))
    assert response.status_code == 302
    assert response.url == reverse("notifications_list")


def test_next_after_mark_read_stays_on_the_site(client, learner):
    row = NotificationFactory(recipient=learner)
    client.force_login(learner)
    for target in ("//evil.example/", "https://evil.example/", "javascript:alert(1)"):
        response = client.post(reverse("notification_mark_read", args=[row.pk]), {"next": target})
        assert response.url == reverse("notifications_list")
        response = client.post(reverse("notifications_mark_all_read"), {"next": target})
        assert response.url == reverse("notifications_list")


def test_markup_from_an_actor_is_escaped_on_the_page_and_in_the_html_email(learner, commit):
    actor = UserFactory(first_name=XSS)
    NotificationPreference.objects.create(user=learner, kind="announcement", channel="email")
    with commit():
        notify([learner], "announcement", text=f"{actor.display_name} says {XSS}", actor=actor)
    html = mail.outbox[0].alternatives[0][0]
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    client = Client()
    client.force_login(learner)
    page = client.get(reverse("notifications_list")).content.decode()
    assert "<script>alert" not in page
    assert "<img src=x" not in page


def test_a_line_break_in_the_text_cannot_add_mail_headers(learner, commit):
    NotificationPreference.objects.create(user=learner, kind="announcement", channel="email")
    with commit():
        notify([learner], "announcement", text="Exam moved\r\nBcc: victim@evil.example")
    [message] = mail.outbox
    assert "\n" not in message.subject
    assert "\r" not in message.subject
    rendered = message.message()
    assert rendered["Bcc"] is None
    assert "victim@evil.example" not in rendered.get("To", "")


# --- unsubscribe tokens ------------------------------------------------------------------


def test_a_token_unsubscribes_only_its_own_user_and_kind(client, learner, other_learner):
    token = make_token(learner.pk, "announcement")
    assert client.post(reverse("notifications_unsubscribe", args=[token])).status_code == 200
    rows = NotificationPreference.objects.values_list("user_id", "kind", "channel")
    assert list(rows) == [(learner.pk, "announcement", Channel.IN_APP)]


def test_a_token_with_its_kind_swapped_is_refused(client, learner):
    token = make_token(learner.pk, "announcement")
    other = make_token(learner.pk, "quiz_graded")
    _value, _, signature = token.partition(":")
    swapped = f"{other.partition(':')[0]}:{signature}"
    response = client.post(reverse("notifications_unsubscribe", args=[swapped]))
    assert response.status_code == 400
    assert not NotificationPreference.objects.exists()


@pytest.mark.parametrize("kind", ["no_such_kind", "", None, 7])
def test_a_signed_token_naming_no_known_kind_is_refused(client, learner, kind):
    token = make_token(learner.pk, kind)
    assert client.post(reverse("notifications_unsubscribe", args=[token])).status_code == 400
    assert not NotificationPreference.objects.exists()


def test_a_token_of_a_deactivated_or_deleted_account_is_refused(client, learner):
    token = make_token(learner.pk, "announcement")
    learner.is_active = False
    learner.save(update_fields=["is_active"])
    assert client.post(reverse("notifications_unsubscribe", args=[token])).status_code == 400
    gone = make_token(987654, "announcement")
    assert client.get(reverse("notifications_unsubscribe", args=[gone])).status_code == 400
    assert not NotificationPreference.objects.exists()


def test_the_unsubscribe_page_changes_nothing_on_get(client, learner):
    token = make_token(learner.pk, "announcement")
    response = client.get(reverse("notifications_unsubscribe", args=[token]))
    assert response.status_code == 200
    assert not NotificationPreference.objects.exists()


# --- CSRF and safe methods ---------------------------------------------------------------


def test_every_signed_in_post_needs_the_csrf_token(learner):
    row = NotificationFactory(recipient=learner)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)
    for url, data in [
        (reverse("notification_mark_read", args=[row.pk]), {}),
        (reverse("notifications_mark_all_read"), {}),
        (reverse("notification_preferences"), {"announcement": "off"}),
    ]:
        assert strict.post(url, data).status_code == 403, url
    row.refresh_from_db()
    assert row.read_at is None
    assert not NotificationPreference.objects.exists()


def test_get_on_the_mark_read_urls_changes_nothing(client, learner):
    row = NotificationFactory(recipient=learner)
    client.force_login(learner)
    assert client.get(reverse("notification_mark_read", args=[row.pk])).status_code == 405
    assert client.get(reverse("notifications_mark_all_read")).status_code == 405
    row.refresh_from_db()
    assert row.read_at is None


@pytest.mark.parametrize("page", ["-1", "0", "99999999999999999999", "abc", "1\x00"])
def test_odd_page_numbers_and_filters_do_not_fail(client, learner, page):
    NotificationFactory(recipient=learner)
    client.force_login(learner)
    response = client.get(reverse("notifications_list"), {"page": page, "show": "<b>"})
    assert response.status_code in (200, 404)
