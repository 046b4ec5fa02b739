"""Parallel sends and reads on PostgreSQL: unread counts and read positions stay exact,
and a resent message is stored once (tests/races.py runs real threads)."""

import uuid

from community.chat import factories, queries, services
from community.chat.models import Message
from tests.races import POSTGRES_RACES, in_parallel

pytestmark = POSTGRES_RACES

SENDERS = 8


def test_unread_counts_are_exact_under_parallel_sends(course, instructor):
    learners = [factories.learner_in(course) for _ in range(SENDERS)]
    group = services.open_course_group(instructor, course)
    sent = in_parallel(
        SENDERS, lambda n: services.send_message(learners[n], group, content=f"Hi {n}")
    )
    assert queries.unread_total(instructor) == SENDERS
    assert queries.conversations_for(instructor).get(pk=group.pk).unread == SENDERS
    for learner, own in zip(learners, sent, strict=True):
        # Sending reads the thread up to one's own message: only later ones are unread.
        later = sum(1 for message in sent if message.pk > own.pk)
        assert queries.conversations_for(learner).get(pk=group.pk).unread == later
    group.refresh_from_db()
    assert group.last_message_id == Message.objects.filter(conversation=group).latest("id").pk


def test_a_resent_message_is_stored_once(conversation, student):
    token = uuid.uuid4()
    sent = in_parallel(
        4,
        lambda n: services.send_message(student, conversation, content="Once", client_token=token),
    )
    assert len({message.pk for message in sent}) == 1
    assert Message.objects.filter(conversation=conversation).count() == 1


def test_read_positions_never_move_backwards(conversation, student, instructor):
    sent = [services.send_message(student, conversation, content=f"m{n}") for n in range(6)]
    in_parallel(6, lambda n: services.mark_read(instructor, conversation, up_to=sent[n].pk))
    assert queries.read_positions(conversation, exclude_user=student) == {
        instructor.pk: sent[-1].pk
    }
    assert queries.unread_total(instructor) == 0
