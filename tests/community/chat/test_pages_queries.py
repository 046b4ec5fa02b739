"""The chat pages cost the same number of queries with a few or many conversations and
messages: the counts are pinned, and measured at two sizes."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from community.chat import factories, services
from tests.conftest import session_queries

INBOX_QUERIES = 5
THREAD_QUERIES = 13
UPDATES_QUERIES = 12


def queries_for(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def many_messages(settings):
    settings.CHAT_MESSAGES_PER_MINUTE = 1000


def instructor_with_conversations(course, instructor, count):
    for n in range(count):
        learner = factories.learner_in(course)
        conversation = factories.direct_conversation(learner, instructor, f"hello {n}", "hi")
        services.send_message(learner, conversation, content=f"question {n}")


@pytest.mark.parametrize("count", [1, 20])
def test_inbox_queries_are_flat(client, course, instructor, many_messages, count):
    instructor_with_conversations(course, instructor, count)
    client.force_login(instructor)
    page = client.get(reverse("chat_inbox")).content.decode()
    assert page.count('data-testid="chat-row"') == count
    assert queries_for(client, reverse("chat_inbox")) == INBOX_QUERIES + session_queries()


def conversation_with(student, instructor, count):
    conversation = factories.direct_conversation(student, instructor)
    question = services.send_message(student, conversation, content="question")
    for n in range(count - 1):
        sender = instructor if n % 2 else student
        services.send_message(sender, conversation, content=f"line {n}", reply_to=question)
    return conversation


@pytest.mark.parametrize("count", [5, 60])
def test_thread_queries_are_flat(client, student, instructor, many_messages, count):
    conversation = conversation_with(student, instructor, count)
    client.force_login(student)
    url = reverse("chat_thread", args=[conversation.pk])
    client.get(url)
    assert queries_for(client, url) == THREAD_QUERIES + session_queries()


@pytest.mark.parametrize("count", [5, 60])
def test_updates_queries_are_flat(client, student, instructor, many_messages, count):
    conversation = factories.direct_conversation(student, instructor)
    first = services.send_message(student, conversation, content="start")
    for n in range(count):
        services.send_message(instructor, conversation, content=f"reply {n}", reply_to=first)
    client.force_login(student)
    url = reverse("chat_updates", args=[conversation.pk])
    params = {"after": first.pk, "since": "2000-01-01T00:00:00+00:00", "read": "1"}
    assert queries_for(client, url, params) == UPDATES_QUERIES + session_queries()
