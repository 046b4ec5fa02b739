"""The chat pages as a person uses them without JavaScript, and the JSON chat.js gets."""

import datetime
import io
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from PIL import Image

from accounts.factories import UserFactory
from accounts.models import Preferences
from community.chat import services
from community.chat.models import MAX_BODY_LENGTH, Block, Conversation, Message, MessageReport

JSON = {"HTTP_ACCEPT": "application/json"}
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def png_file(name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def signed_in(client, user):
    client.force_login(user)
    return client


def thread_url(conversation):
    return reverse("chat_thread", args=[conversation.pk])


def send_url(conversation):
    return reverse("chat_send", args=[conversation.pk])


@pytest.mark.parametrize(
    ("name", "args"),
    [("chat_inbox", []), ("chat_new", []), ("chat_thread", [1]), ("chat_updates", [1])],
)
def test_guests_are_sent_to_log_in(client, db, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_unverified_people_are_asked_to_confirm_their_email(client, db):
    client.force_login(UserFactory(verified=False))
    response = client.get(reverse("chat_inbox"))
    assert response.status_code == 403
    assert "Confirm your email address" in response.content.decode()


def test_inbox_shows_unread_count_and_escaped_preview(client, student, instructor, conversation):
    services.send_message(instructor, conversation, content=XSS)
    page = signed_in(client, student).get(reverse("chat_inbox")).content.decode()
    assert "Ida Instructor" in page
    assert 'data-testid="chat-unread">1<' in page
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_inbox_search_finds_by_message_text(client, student, instructor, conversation):
    services.send_message(instructor, conversation, content="Check the sectional chart")
    client = signed_in(client, student)
    assert (
        "Ida Instructor" in client.get(reverse("chat_inbox"), {"q": "sectional"}).content.decode()
    )
    page = client.get(reverse("chat_inbox"), {"q": "zzz-nothing"}).content.decode()
    assert "No conversation matches" in page


def test_new_message_page_groups_contacts_by_course(client, student, instructor, course):
    page = signed_in(client, student).get(reverse("chat_new")).content.decode()
    assert f'<optgroup label="{course.title}">' in page
    assert "Ida Instructor" in page


def test_new_message_preselects_an_allowed_contact(client, student, instructor, stranger):
    client = signed_in(client, student)
    page = client.get(reverse("chat_new"), {"to": instructor.pk}).content.decode()
    assert f'value="{instructor.pk}" selected' in page
    assert client.get(reverse("chat_new"), {"to": stranger.pk}).status_code == 404
    assert client.get(reverse("chat_new"), {"to": "abc"}).status_code == 404


def test_starting_a_conversation_sends_the_first_message(client, student, instructor):
    response = signed_in(client, student).post(
        reverse("chat_new"),
        {"to": instructor.pk, "topic": "Lesson 3", "content": "What is VFR minimum?"},
    )
    conversation = Conversation.objects.get()
    assert response.status_code == 302
    assert response["Location"].startswith(thread_url(conversation))
    assert conversation.topic == "Lesson 3"
    assert "What is VFR minimum?" in client.get(thread_url(conversation)).content.decode()


def test_nobody_can_be_messaged_by_guessing_their_id(client, student, stranger):
    response = signed_in(client, student).post(
        reverse("chat_new"), {"to": stranger.pk, "content": "hello"}
    )
    assert response.status_code == 400
    assert "hello" in response.content.decode()
    assert not Conversation.objects.exists()


def test_sending_without_javascript_redirects_back_to_the_thread(client, student, conversation):
    client = signed_in(client, student)
    response = client.post(send_url(conversation), {"content": "Ready for the checkride"})
    message = Message.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{thread_url(conversation)}#message-{message.pk}"
    assert "Ready for the checkride" in client.get(thread_url(conversation)).content.decode()


def test_too_long_message_is_refused_and_the_text_is_kept(client, student, conversation):
    text = "a" * (MAX_BODY_LENGTH + 1)
    response = signed_in(client, student).post(send_url(conversation), {"content": text})
    page = response.content.decode()
    assert response.status_code == 400
    assert f"at most {MAX_BODY_LENGTH}" in page
    assert text in page
    assert not Message.objects.exists()


def test_json_send_returns_the_rendered_message(client, student, conversation):
    response = signed_in(client, student).post(
        send_url(conversation), {"content": XSS, "client_token": str(uuid.uuid4())}, **JSON
    )
    data = response.json()
    assert response.status_code == 200
    assert data["last_id"] == Message.objects.get().pk
    assert "&lt;script&gt;" in data["html"]
    assert "<script>" not in data["html"]


def test_json_send_refusal_has_a_message_and_status(client, student, conversation):
    response = signed_in(client, student).post(send_url(conversation), {"content": " "}, **JSON)
    assert response.status_code == 400
    assert response.json()["error"]["message"]


def test_the_same_token_twice_stores_one_message(client, student, conversation):
    client = signed_in(client, student)
    data = {"content": "once", "client_token": str(uuid.uuid4())}
    client.post(send_url(conversation), data)
    client.post(send_url(conversation), data)
    assert Message.objects.count() == 1


def test_thread_escapes_html_and_links_urls(client, student, instructor, conversation):
    services.send_message(instructor, conversation, content=f"{XSS} see https://faa.gov/x")
    page = signed_in(client, student).get(thread_url(conversation)).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    assert 'href="https://faa.gov/x"' in page


def test_viewing_the_thread_marks_it_read_and_shows_seen(client, student, instructor, conversation):
    services.send_message(student, conversation, content="Did you see my logbook?")
    signed_in(client, instructor).get(thread_url(conversation))
    assert services.active_participant(instructor, conversation).last_read_message_id
    page = signed_in(client, student).get(thread_url(conversation)).content.decode()
    assert "data-chat-seen" in page


def test_load_earlier_messages(client, student, instructor, conversation, settings):
    settings.CHAT_MESSAGES_PER_MINUTE = 100
    for n in range(35):
        services.send_message(student, conversation, content=f"message number {n:02d}")
    client = signed_in(client, student)
    page = client.get(thread_url(conversation)).content.decode()
    assert "message number 34" in page
    assert "message number 04" not in page
    assert "Load earlier messages" in page
    earliest = Message.objects.order_by("id")[5]
    page = client.get(thread_url(conversation), {"before": earliest.pk}).content.decode()
    assert "message number 04" in page
    assert "message number 05" not in page
    assert client.get(thread_url(conversation), {"before": "x"}).status_code == 400


def test_updates_return_new_changed_messages_and_read_positions(
    client, student, instructor, conversation
):
    first = services.send_message(instructor, conversation, content="first")
    client = signed_in(client, student)
    since = "2000-01-01T00:00:00+00:00"
    services.send_message(instructor, conversation, content="second")
    services.edit_message(instructor, first, "first, edited")
    data = client.get(
        reverse("chat_updates", args=[conversation.pk]),
        {"after": first.pk, "since": since, "read": "1"},
    ).json()
    assert "second" in data["html"]
    assert "first, edited" not in data["html"]
    assert [change["id"] for change in data["changed"]] == [first.pk]
    assert "(edited)" in data["changed"][0]["html"]
    assert data["read"] == {str(instructor.pk): Message.objects.last().pk}
    assert (
        services.active_participant(student, conversation).last_read_message_id == data["last_id"]
    )


def test_updates_refuse_bad_parameters_with_json(client, student, conversation):
    url = reverse("chat_updates", args=[conversation.pk])
    response = signed_in(client, student).get(url, {"after": "x"})
    assert response.status_code == 400
    assert response.json()["error"]["message"]
    assert client.get(url, {"after": "0", "since": "yesterday"}).status_code == 400


def test_image_attachment_is_shown_and_served_to_participants(
    client, student, instructor, conversation, chat_media
):
    client = signed_in(client, student)
    client.post(send_url(conversation), {"content": "", "attachment": png_file()})
    message = Message.objects.get()
    page = signed_in(client, instructor).get(thread_url(conversation)).content.decode()
    url = reverse("chat_attachment", args=[conversation.pk, message.pk])
    assert f'<img src="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    services.delete_message(student, message)
    assert client.get(url).status_code == 404


def test_document_attachment_downloads(client, student, conversation, chat_media):
    client = signed_in(client, student)
    document = SimpleUploadedFile("notes.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    client.post(send_url(conversation), {"content": "my notes", "attachment": document})
    message = Message.objects.get()
    response = client.get(reverse("chat_attachment", args=[conversation.pk, message.pk]))
    assert response["Content-Disposition"].startswith("attachment")


def test_bad_attachment_is_refused_and_nothing_stored(client, student, conversation, chat_media):
    bad = SimpleUploadedFile("x.exe", b"MZ\x00\x00binary", content_type="application/x-msdownload")
    response = signed_in(client, student).post(
        send_url(conversation), {"content": "here", "attachment": bad}
    )
    assert response.status_code == 400
    assert "cannot be attached" in response.content.decode()
    assert not Message.objects.exists()


def test_reply_quote_and_deleted_placeholder(client, student, instructor, conversation):
    question = services.send_message(student, conversation, content="Is 3 miles enough?")
    client = signed_in(client, instructor)
    client.post(send_url(conversation), {"content": "Yes, in class E", "reply_to": question.pk})
    gone = services.send_message(instructor, conversation, content="typo message")
    client.post(reverse("chat_delete", args=[conversation.pk, gone.pk]))
    page = client.get(thread_url(conversation)).content.decode()
    assert 'class="chat-message__quote"' in page
    assert "Is 3 miles enough?" in page
    assert "Message deleted" in page
    assert "typo message" not in page


def test_edit_own_message(client, student, conversation):
    message = services.send_message(student, conversation, content="fist")
    url = reverse("chat_edit", args=[conversation.pk, message.pk])
    client = signed_in(client, student)
    assert "fist" in client.get(url).content.decode()
    assert client.post(url, {"content": "first"}).status_code == 302
    message.refresh_from_db()
    assert message.content == "first"
    assert message.edits.get().previous_content == "fist"


def test_delete_asks_first(client, student, conversation):
    message = services.send_message(student, conversation, content="oops")
    url = reverse("chat_delete", args=[conversation.pk, message.pk])
    client = signed_in(client, student)
    assert "Delete this message?" in client.get(url).content.decode()
    assert not Message.objects.get().is_deleted
    client.post(url)
    assert Message.objects.get().is_deleted


def test_report_a_message(client, student, instructor, conversation):
    message = services.send_message(instructor, conversation, content="rude")
    url = reverse("chat_report", args=[conversation.pk, message.pk])
    signed_in(client, student).post(url, {"reason": "Not kind"})
    assert MessageReport.objects.get().reason == "Not kind"
    # One's own message cannot be reported: it is not offered, and the URL is a 404.
    own = services.send_message(student, conversation, content="mine")
    assert client.post(reverse("chat_report", args=[conversation.pk, own.pk])).status_code == 404


def test_block_unblock_mute_and_leave(client, student, instructor, conversation):
    client = signed_in(client, student)
    client.post(reverse("chat_block", args=[conversation.pk, instructor.pk]))
    assert Block.objects.filter(blocker=student, blocked=instructor).exists()
    client.post(reverse("chat_unblock", args=[conversation.pk, instructor.pk]))
    assert not Block.objects.exists()
    client.post(reverse("chat_mute", args=[conversation.pk]), {"muted": "1"})
    assert services.active_participant(student, conversation).muted
    assert (
        "Leave this conversation?"
        in client.get(reverse("chat_leave", args=[conversation.pk])).content.decode()
    )
    client.post(reverse("chat_leave", args=[conversation.pk]))
    assert client.get(thread_url(conversation)).status_code == 404


def test_instructor_messages_the_class(client, student, instructor, course):
    client = signed_in(client, instructor)
    assert "Message the class" in client.get(reverse("chat_inbox")).content.decode()
    response = client.post(reverse("chat_course_group", args=[course.pk]))
    group = Conversation.objects.get(kind="group")
    assert response["Location"] == thread_url(group)
    page = signed_in(client, student).get(thread_url(group)).content.decode()
    assert "People (2)" in page


def test_learners_cannot_open_a_course_group(client, student, course):
    response = signed_in(client, student).post(reverse("chat_course_group", args=[course.pk]))
    assert response.status_code == 403
    assert client.post(reverse("chat_course_group", args=[999999])).status_code == 404


def test_viewing_a_thread_clears_its_unread_count(client, student, instructor, conversation):
    services.send_message(instructor, conversation, content="Read me")
    client = signed_in(client, student)
    client.get(thread_url(conversation))
    assert 'data-testid="chat-unread"' not in client.get(reverse("chat_inbox")).content.decode()


def test_rate_limit_refuses_clearly_and_keeps_the_text(client, student, conversation, settings):
    settings.CHAT_MESSAGES_PER_MINUTE = 1
    client = signed_in(client, student)
    client.post(send_url(conversation), {"content": "first"})
    response = client.post(send_url(conversation), {"content": "second try"})
    assert response.status_code == 429
    assert "too quickly" in response.content.decode()
    assert "second try" in response.content.decode()
    json_response = client.post(send_url(conversation), {"content": "third"}, **JSON)
    assert json_response.status_code == 429
    assert "too quickly" in json_response.json()["error"]["message"]
    assert Message.objects.count() == 1


def test_times_are_shown_in_the_viewers_time_zone(client, student, instructor, conversation):
    message = services.send_message(instructor, conversation, content="When?")
    Message.objects.filter(pk=message.pk).update(
        created_at=datetime.datetime(2026, 1, 15, 18, 30, tzinfo=datetime.UTC)
    )
    Preferences.objects.update_or_create(user=student, defaults={"timezone": "America/Denver"})
    page = signed_in(client, student).get(thread_url(conversation)).content.decode()
    assert "Jan 15, 11:30 AM" in page


def test_updates_render_deleted_messages_as_deleted(client, student, instructor, conversation):
    message = services.send_message(instructor, conversation, content="secret slip")
    services.delete_message(instructor, message)
    data = (
        signed_in(client, student)
        .get(
            reverse("chat_updates", args=[conversation.pk]),
            {"after": message.pk, "since": "2000-01-01T00:00:00+00:00"},
        )
        .json()
    )
    assert "Message deleted" in data["changed"][0]["html"]
    assert "secret slip" not in data["changed"][0]["html"]


def test_reply_link_prepares_the_compose_form(client, student, instructor, conversation):
    question = services.send_message(instructor, conversation, content="Any questions?")
    page = signed_in(client, student).get(thread_url(conversation), {"reply": question.pk})
    html = page.content.decode()
    assert "Replying to Ida Instructor" in html
    assert f'name="reply_to" value="{question.pk}"' in html
