"""A hostile user against the chat pages: forged ids, hostile input, dodged limits,
missing CSRF tokens. Each test sends real requests through the test client and checks
what the attacker (or their victim) would notice."""

import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

import pytest

from community.chat import factories, services
from community.chat.models import Block, Conversation, Message
from community.notifications.models import Notification
from learning.enrollments.models import Enrollment
from tests.community.chat.test_views import png_file

CHAT_KINDS = ("new_message", "learner_message")


def send_url(conversation):
    return reverse("chat_send", args=[conversation.pk])


def thread_url(conversation):
    return reverse("chat_thread", args=[conversation.pk])


# --- hostile query parameters ----------------------------------------------------------


@pytest.mark.parametrize(
    "since",
    ["2024-99-99T00:00:00", "2024-02-30T10:00:00+00:00", "2024-01-01T25:61:00Z", "x" * 5000],
)
def test_updates_refuse_an_impossible_since_with_json_400(client, student, conversation, since):
    client.force_login(student)
    response = client.get(
        reverse("chat_updates", args=[conversation.pk]), {"after": "0", "since": since}
    )
    assert response.status_code == 400
    assert "since" in response.json()["error"]["message"]


@pytest.mark.parametrize("value", ["-1", "1e9", "99999999999999999999", "0x10", "١٢", "\x00"])
def test_thread_and_updates_refuse_odd_ids_without_failing(client, student, conversation, value):
    client.force_login(student)
    assert client.get(thread_url(conversation), {"before": value}).status_code == 400
    updates = client.get(reverse("chat_updates", args=[conversation.pk]), {"after": value})
    assert updates.status_code == 400
    assert client.get(thread_url(conversation), {"reply": value}).status_code == 200


@pytest.mark.parametrize("reply_to", ["99999999999999999999", "-5", "abc"])
def test_a_huge_or_odd_reply_to_is_refused_and_nothing_stored(
    client, student, conversation, reply_to
):
    client.force_login(student)
    response = client.post(send_url(conversation), {"content": "hello", "reply_to": reply_to})
    assert response.status_code == 400
    assert not Message.objects.filter(content="hello").exists()


def test_nul_bytes_in_body_topic_and_search_give_clear_answers(client, student, instructor):
    client.force_login(student)
    response = client.post(
        reverse("chat_new"),
        {"to": instructor.pk, "topic": "VOR\x00", "content": "hi\x00there"},
    )
    assert response.status_code == 400
    assert not Message.objects.exists()
    assert client.get(reverse("chat_inbox"), {"q": "a\x00b"}).status_code == 200


# --- other people's ids ------------------------------------------------------------------


def test_to_of_someone_you_may_not_message_is_404_and_a_post_is_refused(client, student, stranger):
    client.force_login(student)
    assert client.get(reverse("chat_new"), {"to": stranger.pk}).status_code == 404
    response = client.post(reverse("chat_new"), {"to": stranger.pk, "content": "hi"})
    assert response.status_code == 400
    assert not Message.objects.exists()


def test_an_instructor_cannot_open_the_group_of_a_course_they_do_not_teach(client, course):
    _, other_instructor = factories.course_with_instructor(title="Instrument Rating")
    client.force_login(other_instructor)
    response = client.post(reverse("chat_course_group", args=[course.pk]))
    assert response.status_code == 403
    assert not Conversation.objects.filter(course=course).exists()


def test_a_learner_who_left_cannot_send_read_updates_or_download(
    client, student, instructor, conversation, chat_media
):
    message = services.send_message(
        instructor, conversation, content="chart", attachment=png_file()
    )
    services.leave(student, conversation)
    client.force_login(student)
    assert client.post(send_url(conversation), {"content": "still here?"}).status_code == 404
    json_send = client.post(
        send_url(conversation), {"content": "still here?"}, headers={"accept": "application/json"}
    )
    assert json_send.status_code == 404
    assert client.get(reverse("chat_updates", args=[conversation.pk])).status_code == 404
    download = reverse("chat_attachment", args=[conversation.pk, message.pk])
    assert client.get(download).status_code == 404
    assert not Message.objects.filter(content="still here?").exists()


# --- who may talk to whom ----------------------------------------------------------------


def test_a_learner_who_dropped_the_course_can_no_longer_message_its_instructor(
    client, student, instructor, course, conversation
):
    Enrollment.objects.filter(user=student, course=course).update(status=Enrollment.Status.DROPPED)
    client.force_login(student)
    response = client.post(send_url(conversation), {"content": "one more question"})
    assert response.status_code == 403
    assert not Message.objects.filter(content="one more question").exists()
    assert not Notification.objects.filter(recipient=instructor, kind__in=CHAT_KINDS).exists()


def test_a_blocked_person_reaches_the_blocker_by_no_path(
    client, student, instructor, course, conversation
):
    first = services.send_message(instructor, conversation, content="first")
    Block.objects.create(blocker=instructor, blocked=student)
    client.force_login(student)
    reply = client.post(send_url(conversation), {"content": "reply", "reply_to": first.pk})
    assert reply.status_code == 403
    new = client.post(reverse("chat_new"), {"to": instructor.pk, "content": "new"})
    assert new.status_code == 400
    assert client.get(reverse("chat_new"), {"to": instructor.pk}).status_code == 404
    # In the course group the student may still talk, but the blocker hears nothing.
    group = services.open_course_group(instructor, course)
    assert client.post(send_url(group), {"content": "in the group"}).status_code == 302
    assert not Notification.objects.filter(recipient=instructor, kind__in=CHAT_KINDS).exists()
    teacher = Client()
    teacher.force_login(instructor)
    assert "in the group" not in teacher.get(thread_url(group)).content.decode()


def test_what_a_blocked_person_wrote_stays_out_of_the_blockers_view(
    client, student, instructor, course, chat_media
):
    """In a course group the blocker stays, so the blocked person's words must not reach
    them by the inbox preview, a reply quote or the attachment URL either."""
    group = services.open_course_group(instructor, course)
    picture = services.send_message(
        student, group, content="secret words", attachment=png_file("secret.png")
    )
    Block.objects.create(blocker=instructor, blocked=student)
    client.force_login(instructor)
    inbox = client.get(reverse("chat_inbox")).content.decode()
    assert "secret words" not in inbox
    assert "Message from someone you blocked" in inbox
    quoted = client.get(thread_url(group), {"reply": picture.pk}).content.decode()
    assert "secret words" not in quoted
    download = reverse("chat_attachment", args=[group.pk, picture.pk])
    assert client.get(download).status_code == 404
    other = Client()
    other.force_login(student)
    assert other.get(download).status_code == 200


def test_a_muted_conversation_does_not_notify_through_the_page(
    client, student, instructor, conversation
):
    services.set_muted(instructor, conversation, True)
    client.force_login(student)
    assert client.post(send_url(conversation), {"content": "psst"}).status_code == 302
    assert not Notification.objects.filter(recipient=instructor, kind__in=CHAT_KINDS).exists()


# --- rate limit --------------------------------------------------------------------------


def test_the_rate_limit_counts_form_json_and_new_conversation_sends_together(
    client, settings, student, instructor, course, conversation
):
    settings.CHAT_MESSAGES_PER_MINUTE = 3
    group = services.open_course_group(instructor, course)
    client.force_login(student)
    assert client.post(send_url(conversation), {"content": "1"}).status_code == 302
    json_send = client.post(
        send_url(group), {"content": "2"}, headers={"accept": "application/json"}
    )
    assert json_send.status_code == 200
    assert client.post(send_url(conversation), {"content": "3"}).status_code == 302
    refused = [
        client.post(send_url(group), {"content": "4"}, headers={"accept": "application/json"}),
        client.post(send_url(conversation), {"content": "5"}),
        client.post(reverse("chat_new"), {"to": instructor.pk, "content": "6"}),
    ]
    assert [r.status_code for r in refused] == [429, 429, 429]
    assert Message.objects.filter(sender=student).count() == 3


# --- hostile content ---------------------------------------------------------------------

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_markup_in_topic_names_and_bodies_is_escaped_everywhere(client, course, instructor):
    learner = factories.learner_in(course)
    learner.first_name = XSS
    learner.save()
    conversation = factories.direct_conversation(learner, instructor, topic=XSS)
    services.send_message(learner, conversation, content=XSS)
    client.force_login(instructor)
    for page in (reverse("chat_inbox"), thread_url(conversation), reverse("notifications_list")):
        html = client.get(page).content.decode()
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html, page
    updates = client.get(reverse("chat_updates", args=[conversation.pk]), {"after": "0"})
    assert "<script>alert" not in updates.json()["html"]


@pytest.mark.parametrize(
    "body",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "[click](javascript:alert(1))",
        'https://x.example/"onmouseover="alert(1)',
    ],
)
def test_dangerous_links_never_become_clickable(client, student, conversation, body):
    services.send_message(student, conversation, content=body)
    client.force_login(student)
    html = client.get(thread_url(conversation)).content.decode()
    lowered = html.lower()
    assert 'href="javascript:' not in lowered
    assert 'href="data:' not in lowered
    assert 'href="vbscript:' not in lowered
    assert 'onmouseover="alert' not in lowered


def test_a_very_long_body_is_refused_whole(client, student, conversation):
    client.force_login(student)
    response = client.post(
        send_url(conversation), {"content": "A" * 200_000}, headers={"accept": "application/json"}
    )
    assert response.status_code == 400
    assert not Message.objects.exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notes.pdf", b"<html><script>alert(1)</script></html>"),
        ("chart.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("photo.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("polyglot.gif", b"GIF89a/*<html><script>alert(1)</script></html>*/"),
    ],
)
def test_html_and_svg_uploads_are_never_served_as_pages(
    client, student, conversation, chat_media, name, data
):
    client.force_login(student)
    upload = SimpleUploadedFile(name, data, content_type="image/svg+xml")
    response = client.post(send_url(conversation), {"content": "see", "attachment": upload})
    message = Message.objects.filter(sender=student).first()
    if message is None:  # refused outright: fine, as long as it is a clear 400
        assert response.status_code == 400
        return
    served = client.get(reverse("chat_attachment", args=[conversation.pk, message.pk]))
    assert served.status_code == 200
    content_type = served["Content-Type"]
    assert "html" not in content_type
    assert "svg" not in content_type
    assert "xml" not in content_type
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in served["Content-Security-Policy"]
    assert not message.attachment_name.endswith((".svg", ".html", ".pdf"))
    if not content_type.startswith("image/"):
        assert served["Content-Disposition"].startswith("attachment")


def test_a_zero_byte_file_is_refused_and_nothing_stored(client, student, conversation, chat_media):
    client.force_login(student)
    upload = SimpleUploadedFile("empty.pdf", b"", content_type="application/pdf")
    response = client.post(send_url(conversation), {"content": "", "attachment": upload})
    assert response.status_code == 400
    assert not Message.objects.exists()
    assert not [path for path in chat_media.rglob("*") if path.is_file()]


def test_non_utf8_form_data_is_not_a_server_error(client, student, conversation):
    client.force_login(student)
    token = str(uuid.uuid4())
    response = client.generic(
        "POST",
        send_url(conversation),
        f"content=caf%E9%FF%FE&client_token={token}".encode(),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (302, 400)


# --- CSRF and safe methods ---------------------------------------------------------------


def test_every_chat_post_needs_the_csrf_token(student, instructor, conversation, course):
    message = services.send_message(instructor, conversation, content="hello")
    own = services.send_message(student, conversation, content="mine")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(student)
    c, m = conversation.pk, message.pk
    posts = [
        (reverse("chat_new"), {"to": instructor.pk, "content": "x"}),
        (reverse("chat_send", args=[c]), {"content": "x"}),
        (reverse("chat_mute", args=[c]), {"muted": "1"}),
        (reverse("chat_leave", args=[c]), {}),
        (reverse("chat_edit", args=[c, own.pk]), {"content": "changed"}),
        (reverse("chat_delete", args=[c, own.pk]), {}),
        (reverse("chat_report", args=[c, m]), {"reason": "x"}),
        (reverse("chat_block", args=[c, instructor.pk]), {}),
        (reverse("chat_unblock", args=[c, instructor.pk]), {}),
        (reverse("chat_course_group", args=[course.pk]), {}),
    ]
    for url, data in posts:
        assert strict.post(url, data).status_code == 403, url
    own.refresh_from_db()
    assert own.content == "mine"
    assert not own.is_deleted
    assert Message.objects.count() == 2
    assert not Block.objects.exists()


def test_get_on_action_urls_changes_nothing(client, student, instructor, conversation):
    own = services.send_message(student, conversation, content="mine")
    theirs = services.send_message(instructor, conversation, content="theirs")
    client.force_login(student)
    c = conversation.pk
    for url in (
        reverse("chat_delete", args=[c, own.pk]),
        reverse("chat_edit", args=[c, own.pk]) + "?content=changed",
        reverse("chat_report", args=[c, theirs.pk]) + "?reason=x",
        reverse("chat_block", args=[c, instructor.pk]),
        reverse("chat_leave", args=[c]),
    ):
        assert client.get(url).status_code == 200, url
    for url in (reverse("chat_mute", args=[c]) + "?muted=1", send_url(conversation) + "?content=x"):
        assert client.get(url).status_code == 405, url
    own.refresh_from_db()
    assert own.content == "mine"
    assert not own.is_deleted
    assert not Block.objects.exists()
    assert conversation.participants.filter(left_at=None, muted=False).count() == 2
    assert Message.objects.count() == 2


def test_edits_have_a_rate_limit_of_their_own(client, settings, student, conversation):
    settings.CHAT_MESSAGES_PER_MINUTE = 3
    own = services.send_message(student, conversation, content="v0")
    client.force_login(student)
    edit = reverse("chat_edit", args=[conversation.pk, own.pk])
    codes = [client.post(edit, {"content": f"v{n}"}).status_code for n in range(1, 5)]
    assert codes == [302, 302, 302, 429]
    own.refresh_from_db()
    assert own.content == "v3"
    assert own.edits.count() == 3
