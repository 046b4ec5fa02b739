"""The conversation list, threads and unread counts (community.chat.queries)."""

from django.http import Http404

import pytest

from accounts.factories import UserFactory
from community.chat import factories, queries, services
from tests.roles import member_of


def conversations_with(person, count, course):
    """`count` conversations of `person` (an instructor), each with two messages."""
    for n in range(count):
        learner = factories.learner_in(course, UserFactory(first_name=f"L{n}"))
        factories.direct_conversation(learner, person, "Question", "Answer")


def list_rows(user):
    return [
        (
            c.pk,
            c.unread,
            c.last_message.sender.display_name,
            [p.user.display_name for p in c.others],
        )
        for c in queries.conversations_for(user)
    ]


@pytest.mark.parametrize("count", [1, 20])
def test_conversation_list_query_count_is_flat(
    django_assert_num_queries, course, instructor, count
):
    conversations_with(instructor, count, course)
    with django_assert_num_queries(2):
        rows = list_rows(instructor)
    assert len(rows) == count


def test_list_is_newest_first_with_exact_unread_counts(course, instructor, student):
    older = factories.direct_conversation(student, instructor, "One", "Two", "Three")
    classmate = factories.learner_in(course)
    newer = factories.direct_conversation(classmate, instructor, "Hi")
    rows = list(queries.conversations_for(instructor))
    assert [c.pk for c in rows] == [newer.pk, older.pk]
    assert [c.unread for c in rows] == [1, 1]  # "Three" came after the instructor's "Two"
    services.send_message(student, older, content="Four")
    rows = list(queries.conversations_for(instructor))
    assert [(c.pk, c.unread) for c in rows] == [(older.pk, 2), (newer.pk, 1)]
    assert queries.unread_total(instructor) == 3


def test_search_matches_names_topics_and_message_text(course, instructor, student):
    found = factories.direct_conversation(
        student, instructor, "Ask about VOR checks", topic="Lesson 4"
    )
    factories.direct_conversation(
        factories.learner_in(course, UserFactory(first_name="Zed")), instructor, "hi"
    )
    for text in ["vor check", "lesson 4", "Lee", student.email]:
        assert [c.pk for c in queries.conversations_for(instructor, search=text)] == [found.pk], (
            text
        )
    assert not queries.conversations_for(instructor, search="nothing like it\x00").exists()


def test_participant_or_404_is_the_gate(conversation, student, stranger):
    assert queries.participant_or_404(student, conversation.pk).conversation == conversation
    for user, conversation_id in [(stranger, conversation.pk), (student, "abc"), (student, 10**9)]:
        with pytest.raises(Http404):
            queries.participant_or_404(user, conversation_id)
    services.leave(student, conversation)
    with pytest.raises(Http404):
        queries.participant_or_404(student, str(conversation.pk))


def test_thread_pages_backwards_and_forwards(
    django_assert_num_queries, conversation, student, instructor
):
    sent = [services.send_message(student, conversation, content=f"m{n}") for n in range(7)]
    with django_assert_num_queries(1):
        newest = queries.thread_messages(conversation, instructor, limit=3)
        [m.reply_to for m in newest]
    assert [m.content for m in newest] == ["m4", "m5", "m6"]
    earlier = queries.thread_messages(conversation, instructor, before=newest[0].pk, limit=3)
    assert [m.content for m in earlier] == ["m1", "m2", "m3"]
    later = queries.thread_messages(conversation, instructor, after=sent[4].pk)
    assert [m.content for m in later] == ["m5", "m6"]


def test_read_positions_show_who_has_seen_what(conversation, student, instructor):
    message = services.send_message(student, conversation, content="Seen?")
    assert queries.read_positions(conversation, exclude_user=student) == {instructor.pk: None}
    services.mark_read(instructor, conversation)
    assert queries.read_positions(conversation, exclude_user=student) == {instructor.pk: message.pk}


def test_unread_total_is_one_query(django_assert_num_queries, conversation, student, instructor):
    services.send_message(instructor, conversation, content="Hi")
    with django_assert_num_queries(1):
        assert queries.unread_total(student) == 1
    assert queries.unread_total(member_of("Moderators")) == 0
