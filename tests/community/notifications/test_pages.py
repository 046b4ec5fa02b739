"""The notifications page, open/mark-read (IDOR), the bell and the polling JSON."""

from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from community.notifications.factories import NotificationFactory
from community.notifications.models import Notification
from community.notifications.services import notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, learner):
    client.force_login(learner)
    return client


def test_list_shows_newest_first_and_escapes_text(signed_in, learner):
    NotificationFactory(recipient=learner, text="older")
    NotificationFactory(recipient=learner, text="<script>alert(1)</script>")
    html = signed_in.get(reverse("notifications_list")).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert html.index("alert(1)") < html.index("older")


def test_unread_messages_from_one_sender_group_into_one_row(signed_in, learner):
    ida = UserFactory(first_name="Ida", last_name="Instructor")
    for n in range(3):
        notify([learner], "new_message", text=f"Ida: hello {n}", actor=ida, group_key="chat:7")
    notify([learner], "quiz_graded", text="Quiz graded")
    response = signed_in.get(reverse("notifications_list"))
    html = response.content.decode()
    assert "3 new messages from Ida Instructor" in html
    assert html.count('data-testid="notification"') == 2


@pytest.mark.parametrize("count", [1, 30])
def test_list_query_count_is_flat(signed_in, learner, count, django_assert_max_num_queries):
    actor = UserFactory()
    for n in range(count):
        NotificationFactory(recipient=learner, actor=actor, text=f"n{n}", group_key=f"g{n}")
    signed_in.get(reverse("notifications_list"))  # warm the session and the bell
    with django_assert_max_num_queries(6):
        assert signed_in.get(reverse("notifications_list")).status_code == 200


def test_open_marks_read_and_redirects_to_local_url(signed_in, learner):
    row = NotificationFactory(recipient=learner, url="/dashboard/")
    response = signed_in.get(reverse("notification_open", args=[row.pk]))
    assert response.status_code == 302
    assert response.url == "/dashboard/"
    row.refresh_from_db()
    assert row.is_read


def test_open_never_redirects_off_site(signed_in, learner):
    row = NotificationFactory(recipient=learner, url="https://evil.example/")
    response = signed_in.get(reverse("notification_open", args=[row.pk]))
    assert response.url == reverse("notifications_list")


def test_another_users_notification_is_404_and_unchanged(signed_in, other_learner):
    theirs = NotificationFactory(recipient=other_learner)
    assert signed_in.get(reverse("notification_open", args=[theirs.pk])).status_code == 404
    assert signed_in.post(reverse("notification_mark_read", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_read_and_mark_all_read(signed_in, learner, other_learner):
    mine = [NotificationFactory(recipient=learner) for _ in range(3)]
    theirs = NotificationFactory(recipient=other_learner)
    signed_in.post(reverse("notification_mark_read", args=[mine[0].pk]))
    assert Notification.objects.filter(recipient=learner, read_at__isnull=True).count() == 2
    response = signed_in.post(reverse("notifications_mark_all_read"))
    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=learner, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_guest_is_sent_to_login(client):
    response = client.get(reverse("notifications_list"))
    assert response.status_code == 302
    assert "login" in response.url
    assert client.get(reverse("notifications_unread")).status_code == 403


def test_bell_shows_count_and_costs_no_query_when_warm(
    signed_in, learner, django_assert_num_queries
):
    for _ in range(3):
        NotificationFactory(recipient=learner)
    notify([learner], "quiz_graded", text="Graded")
    html = signed_in.get(reverse("notifications_list")).content.decode()
    assert 'aria-label="Notifications, 4 unread"' in html
    from community.notifications.templatetags.notification_tags import unread_notifications

    class Request:
        user = learner

    with django_assert_num_queries(0):
        assert unread_notifications({"request": Request()}) == 4
    assert signed_in.get(reverse("notifications_unread")).json() == {"count": 4}


def test_bell_badge_hidden_at_zero(signed_in):
    html = signed_in.get(reverse("notifications_list")).content.decode()
    assert 'aria-label="Notifications"' in html
    assert "data-bell-count hidden" in html


def test_bad_page_numbers_do_not_fail(signed_in):
    for page in ("abc", "999", "-1"):
        assert signed_in.get(reverse("notifications_list"), {"page": page}).status_code == 200
