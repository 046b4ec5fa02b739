"""The "Reported messages" queue in the Wagtail admin: moderators and admins only,
message text escaped, edit history shown, dismiss and remove by POST."""

from django.urls import reverse

import pytest

from community.chat import factories, services
from community.chat.models import Message, MessageReport
from tests.roles import ROLE_FACTORIES

QUEUE = reverse("chat_reported_messages")
XSS = '<script>alert("pwned")</script><img src=x onerror=alert(1)>'
ALLOWED = {"moderator", "admin"}


@pytest.fixture
def reported(conversation, student, instructor):
    message = services.send_message(instructor, conversation, content="First draft")
    services.edit_message(instructor, message, XSS)
    return services.report(student, message, "Looks like <b>spam</b>")


@pytest.mark.parametrize("role", sorted(ROLE_FACTORIES))
def test_who_sees_and_opens_the_queue(client, role, reported):
    client.force_login(ROLE_FACTORIES[role]())
    allowed = role in ALLOWED
    response = client.get(QUEUE)
    post = client.post(QUEUE, {"report": reported.pk, "action": "remove"})
    reported.refresh_from_db()
    assert (reported.status == "removed") == allowed
    if role == "learner":  # no admin access at all: Wagtail sends them to log in
        assert response.status_code == post.status_code == 302
        assert "/login/" in response["Location"]
        return
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert ("Reported messages" in home) == allowed
    assert response.status_code == (200 if allowed else 403)
    assert post.status_code == (302 if allowed else 403)


def test_the_queue_shows_the_message_escaped_with_its_history(admin_client, reported):
    html = admin_client.get(QUEUE).content.decode()
    assert XSS not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in html
    assert "First draft" in html  # the text before the edit
    assert "Looks like &lt;b&gt;spam&lt;/b&gt;" in html
    assert "Ida Instructor" in html
    assert "Lee Learner" in html


def test_dismiss_keeps_the_message_and_empties_the_queue(admin_client, reported):
    response = admin_client.post(QUEUE, {"report": reported.pk, "action": "dismiss"}, follow=True)
    assert "Report dismissed." in response.content.decode()
    assert "No reported messages are waiting." in response.content.decode()
    assert not Message.objects.get(pk=reported.message_id).is_deleted
    assert MessageReport.objects.get(pk=reported.pk).status == "dismissed"


def test_remove_deletes_the_message_and_closes_every_report_of_it(
    admin_client, reported, conversation, course
):
    classmate_report = MessageReport.objects.create(
        message=reported.message, reporter=factories.learner_in(course)
    )
    admin_client.post(QUEUE, {"report": reported.pk, "action": "remove"})
    assert Message.objects.get(pk=reported.message_id).is_deleted
    classmate_report.refresh_from_db()
    assert classmate_report.status == "removed"


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"report": "x", "action": "remove"},
        {"report": "999999", "action": "dismiss"},
        {"report": "1", "action": "ban"},
    ],
)
def test_bad_posts_get_a_400_page(admin_client, reported, data):
    assert admin_client.post(QUEUE, data).status_code == 400
    reported.refresh_from_db()
    assert reported.status == "open"


@pytest.mark.parametrize("count", [1, 20])
def test_queue_query_count_is_flat(
    admin_client, assert_signed_in_queries, conversation, student, instructor, count
):
    for n in range(count):
        message = services.send_message(instructor, conversation, content=f"m{n}")
        services.edit_message(instructor, message, f"edited {n}")
        services.report(student, message, "spam")
    admin_client.get(QUEUE)
    with assert_signed_in_queries(9):
        response = admin_client.get(QUEUE)
    assert response.content.decode().count('name="report"') == count
