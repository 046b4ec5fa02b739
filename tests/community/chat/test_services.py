"""Sending, editing, deleting and reading messages (community.chat.services)."""

import uuid

import pytest

from community.chat import factories, queries, services
from community.chat.models import Conversation, Message, MessageEdit, Participant
from community.chat.services import ChatRefused
from community.notifications.models import Notification
from tests.roles import member_of


def chat_notifications(**filters):
    return Notification.objects.filter(group_key__startswith="chat:", **filters)


def refused(status, call, *args, **kwargs):
    with pytest.raises(ChatRefused) as caught:
        call(*args, **kwargs)
    assert caught.value.status == status
    return caught.value.message


def test_sending_updates_the_conversation_and_notifies_the_instructor(
    conversation, student, instructor
):
    message = services.send_message(student, conversation, content="  When is the stage check?  ")
    conversation.refresh_from_db()
    assert message.content == "When is the stage check?"
    assert conversation.last_message == message
    assert conversation.updated_at == message.created_at
    mine = Participant.objects.get(conversation=conversation, user=student)
    assert mine.last_read_message == message
    notification = chat_notifications().get(recipient=instructor)
    assert notification.kind == "learner_message"
    assert notification.text == "New message from Lee Learner"
    assert notification.url == f"/messages/{conversation.pk}/"
    assert notification.group_key == f"chat:{conversation.pk}"
    assert not chat_notifications().filter(recipient=student).exists()


def test_a_learner_hears_of_the_instructors_reply_as_a_new_message(
    conversation, student, instructor
):
    services.send_message(instructor, conversation, content="Thursday at 10.")
    assert chat_notifications().get(recipient=student).kind == "new_message"


def test_a_muted_conversation_sends_no_notification(conversation, student, instructor):
    services.set_muted(instructor, conversation, True)
    services.send_message(student, conversation, content="Anyone there?")
    assert not chat_notifications().filter(recipient=instructor).exists()


def test_the_same_client_token_stores_the_message_once(conversation, student):
    token = uuid.uuid4()
    first = services.send_message(student, conversation, content="Hello", client_token=token)
    again = services.send_message(student, conversation, content="Hello", client_token=str(token))
    assert again.pk == first.pk
    assert Message.objects.filter(conversation=conversation).count() == 1
    refused(400, services.send_message, student, conversation, content="x", client_token="nope")


def test_rate_limit_refuses_with_429_and_a_clear_message(settings, conversation, student):
    settings.CHAT_MESSAGES_PER_MINUTE = 3
    for n in range(3):
        services.send_message(student, conversation, content=f"message {n}")
    text = refused(429, services.send_message, student, conversation, content="one too many")
    assert "too quickly" in text
    assert "3 a minute" in text
    assert Message.objects.filter(conversation=conversation).count() == 3


def test_body_limits_store_nothing(conversation, student):
    refused(400, services.send_message, student, conversation, content=" \n ")
    text = refused(400, services.send_message, student, conversation, content="x" * 4001)
    assert "at most 4,000 characters" in text
    assert not Message.objects.filter(conversation=conversation).exists()
    assert services.send_message(student, conversation, content="x" * 4000)


def test_only_active_participants_send(conversation, stranger, student):
    refused(404, services.send_message, stranger, conversation, content="Hi")
    services.leave(student, conversation)
    refused(404, services.send_message, student, conversation, content="Hi")


def test_archived_conversations_refuse_messages(conversation, student):
    Conversation.objects.filter(pk=conversation.pk).update(archived=True)
    refused(403, services.send_message, student, conversation, content="Hi")


def test_archived_conversations_refuse_edits(conversation, student):
    message = services.send_message(student, conversation, content="Before")
    Conversation.objects.filter(pk=conversation.pk).update(archived=True)
    refused(403, services.edit_message, student, message, "After")
    message.refresh_from_db()
    assert message.content == "Before"


def test_a_block_refuses_messages_in_a_direct_conversation(conversation, student, instructor):
    services.block(instructor, student)
    refused(403, services.send_message, student, conversation, content="Hi")
    refused(403, services.send_message, instructor, conversation, content="Hi")


def test_in_a_group_a_blocked_persons_messages_are_hidden_from_the_blocker(
    course, instructor, student
):
    classmate = factories.learner_in(course)
    group = services.open_course_group(instructor, course)
    services.block(student, classmate)
    services.send_message(classmate, group, content="Spam")
    services.send_message(instructor, group, content="Welcome")
    assert [m.content for m in queries.thread_messages(group, student)] == ["Welcome"]
    assert [m.content for m in queries.thread_messages(group, instructor)] == ["Spam", "Welcome"]
    assert queries.conversations_for(student).get(pk=group.pk).unread == 1
    assert not chat_notifications().filter(recipient=student, actor=classmate).exists()


def test_reply_to_must_be_in_the_same_conversation(conversation, student, instructor, course):
    other = services.open_course_group(instructor, course)
    elsewhere = services.send_message(instructor, other, content="Group hello")
    refused(400, services.send_message, student, conversation, content="Re", reply_to=elsewhere)
    first = services.send_message(instructor, conversation, content="Question?")
    reply = services.send_message(student, conversation, content="Answer", reply_to=first.pk)
    assert reply.reply_to == first


def test_editing_keeps_the_previous_text_for_moderators(
    conversation, student, instructor, stranger
):
    message = services.send_message(student, conversation, content="Frist")
    services.edit_message(student, message, "First")
    message.refresh_from_db()
    assert message.content == "First"
    assert message.edited_at is not None
    assert list(MessageEdit.objects.values_list("previous_content", flat=True)) == ["Frist"]
    refused(403, services.edit_message, instructor, message, "Hacked")
    refused(404, services.edit_message, stranger, message, "Hacked")
    refused(400, services.edit_message, student, message, "")


def test_deleting_keeps_the_text_and_moves_the_preview(conversation, student, instructor, stranger):
    first = services.send_message(student, conversation, content="Keep me")
    second = services.send_message(student, conversation, content="Oops")
    refused(403, services.delete_message, instructor, second)
    refused(404, services.delete_message, stranger, second)
    services.delete_message(student, second)
    second.refresh_from_db()
    conversation.refresh_from_db()
    assert second.is_deleted
    assert second.deleted_at
    assert second.content == "Oops"
    assert conversation.last_message == first
    refused(400, services.edit_message, student, second, "Back")
    services.delete_message(member_of("Moderators"), first)
    first.refresh_from_db()
    assert first.is_deleted


def test_mark_read_never_moves_backwards(conversation, student, instructor):
    first = services.send_message(instructor, conversation, content="One")
    second = services.send_message(instructor, conversation, content="Two")
    assert queries.unread_total(student) == 2
    services.mark_read(student, conversation)
    participant = services.mark_read(student, conversation, up_to=first)
    assert participant.last_read_message_id == second.pk
    assert queries.unread_total(student) == 0
    assert not chat_notifications().filter(recipient=student, read_at=None).exists()


def test_mark_read_refuses_other_conversations(conversation, student, instructor, course, stranger):
    group = services.open_course_group(instructor, course)
    elsewhere = services.send_message(instructor, group, content="Group")
    refused(404, services.mark_read, student, conversation, up_to=elsewhere)
    refused(404, services.mark_read, stranger, conversation)


def test_start_direct_is_idempotent_and_rejoins(student, instructor):
    first = services.start_direct(student, instructor, topic="Lesson 3")
    services.leave(student, first)
    again = services.start_direct(instructor, student)
    assert again.pk == first.pk
    assert again.topic == "Lesson 3"
    roles = dict(
        Participant.objects.filter(conversation=first, left_at=None).values_list("user", "role")
    )
    assert roles == {student.pk: "learner", instructor.pk: "instructor"}


def test_course_group_follows_enrollments(course, instructor, student, stranger):
    refused(403, services.open_course_group, student, course)
    group = services.open_course_group(instructor, course)
    assert services.open_course_group(instructor, course).pk == group.pk
    newcomer = factories.learner_in(course)
    members = set(group.participants.filter(left_at=None).values_list("user", flat=True))
    assert members == {instructor.pk, student.pk, newcomer.pk}
    from learning.enrollments.services import leave

    leave(newcomer, course)
    refused(404, services.send_message, newcomer, group, content="Hi")


def test_report_is_idempotent_and_for_participants_only(
    conversation, student, instructor, stranger
):
    message = services.send_message(instructor, conversation, content="Rude")
    first = services.report(student, message, "Rude to me")
    assert services.report(student, message, "Again").pk == first.pk
    refused(404, services.report, stranger, message, "x")
    refused(400, services.report, instructor, message, "my own")
    refused(400, services.report, student, message, "x" * 1001)


def test_moderation_removes_or_dismisses(conversation, student, instructor):
    message = services.send_message(instructor, conversation, content="Rude")
    report = services.report(student, message, "Rude")
    refused(403, services.moderate, report, instructor, "remove")
    refused(400, services.moderate, report, member_of("Moderators"), "ban")
    decided = services.moderate(report, member_of("Moderators"), "remove")
    message.refresh_from_db()
    assert decided.status == "removed"
    assert message.is_deleted
    assert services.moderate(report, member_of("Moderators"), "dismiss").status == "removed"
