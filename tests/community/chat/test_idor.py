"""Another person's conversation or message id is a 404 on every chat endpoint, and a
message id from another conversation is a 404 under one's own conversation's id."""

from django.urls import reverse

import pytest

from community.chat import factories, services
from community.chat.models import Block, Message, MessageReport
from tests.community.chat.test_views import png_file

CONVERSATION_ENDPOINTS = [
    ("get", "chat_thread"),
    ("post", "chat_send"),
    ("get", "chat_updates"),
    ("post", "chat_mute"),
    ("get", "chat_leave"),
    ("post", "chat_leave"),
]
MESSAGE_ENDPOINTS = [
    ("get", "chat_attachment"),
    ("get", "chat_edit"),
    ("post", "chat_edit"),
    ("get", "chat_delete"),
    ("post", "chat_delete"),
    ("get", "chat_report"),
    ("post", "chat_report"),
]


@pytest.fixture
def theirs(instructor, course, chat_media):
    """A conversation between two other people, with a message and an attachment."""
    learner = factories.learner_in(course)
    conversation = factories.direct_conversation(learner, instructor)
    message = services.send_message(
        learner, conversation, content="private words", attachment=png_file()
    )
    return conversation, message


@pytest.fixture
def intruder(client, stranger, student, instructor):
    """A verified learner with a conversation of their own (so ids of theirs exist)."""
    client.force_login(student)
    return client


@pytest.mark.parametrize(("method", "name"), CONVERSATION_ENDPOINTS)
def test_other_peoples_conversation_is_not_found(intruder, theirs, method, name):
    conversation, _ = theirs
    response = getattr(intruder, method)(
        reverse(name, args=[conversation.pk]), {"content": "hi", "muted": "1"}
    )
    assert response.status_code == 404
    assert "private words" not in response.content.decode()
    assert Message.objects.count() == 1


def test_updates_answer_another_persons_id_with_a_json_404(intruder, theirs):
    conversation, _ = theirs
    response = intruder.get(
        reverse("chat_updates", args=[conversation.pk]), HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 404
    assert response.json()["error"]["message"]


@pytest.mark.parametrize(("method", "name"), MESSAGE_ENDPOINTS)
def test_other_peoples_message_is_not_found(intruder, theirs, method, name):
    conversation, message = theirs
    response = getattr(intruder, method)(
        reverse(name, args=[conversation.pk, message.pk]), {"content": "changed", "reason": "x"}
    )
    assert response.status_code == 404
    message.refresh_from_db()
    assert message.content == "private words"
    assert not message.is_deleted
    assert not MessageReport.objects.exists()


@pytest.mark.parametrize(("method", "name"), MESSAGE_ENDPOINTS)
def test_a_message_of_another_conversation_under_ones_own_id(
    intruder, theirs, conversation, method, name
):
    _, message = theirs
    response = getattr(intruder, method)(
        reverse(name, args=[conversation.pk, message.pk]), {"content": "changed", "reason": "x"}
    )
    assert response.status_code == 404
    message.refresh_from_db()
    assert message.content == "private words"
    assert not message.is_deleted


def test_replying_to_a_message_of_another_conversation_is_refused(intruder, theirs, conversation):
    _, message = theirs
    response = intruder.post(
        reverse("chat_send", args=[conversation.pk]), {"content": "hi", "reply_to": message.pk}
    )
    assert response.status_code == 400
    assert not Message.objects.filter(conversation=conversation, content="hi").exists()


@pytest.mark.parametrize("name", ["chat_block", "chat_unblock"])
def test_only_people_of_the_conversation_can_be_blocked_from_it(
    intruder, conversation, stranger, name
):
    response = intruder.post(reverse(name, args=[conversation.pk, stranger.pk]))
    assert response.status_code == 404
    assert not Block.objects.exists()


def test_a_person_who_left_sees_nothing_more(client, student, instructor, conversation):
    services.leave(student, conversation)
    services.send_message(instructor, conversation, content="after you left")
    client.force_login(student)
    assert client.get(reverse("chat_thread", args=[conversation.pk])).status_code == 404
    assert "after you left" not in client.get(reverse("chat_inbox")).content.decode()
