"""The site's WebSocket (/ws/live/) through the whole ASGI stack (origin check, session
login, routing): who may connect, who hears which conversation, and what a socket
does with bad input.

Each test runs on the in-memory channel layer and, when REDIS_URL is set, on the Redis
layer too. Tests are transactional: live events go out when the write commits.
"""

from django.test import Client

import pytest
from asgiref.sync import async_to_sync, sync_to_async

from accounts.factories import UserFactory
from community.chat import factories, services
from community.chat.consumers import CLOSE_UNAUTHORISED
from community.chat.models import Conversation, Participant
from tests.live_sockets import (
    LAYERS,
    QUIET,
    WAIT,
    layer_settings,
    session_cookie,
    signed_in,
    socket_for,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(params=LAYERS)
def channel_layer(request, settings):
    return layer_settings(settings, request.param)


async def watch(socket, conversation_id):
    await socket.send_json_to({"action": "watch", "conversation": conversation_id})
    return await socket.receive_json_from(timeout=WAIT)


def direct_conversation(first, second):
    low, high = sorted([first.pk, second.pk])
    conversation = Conversation.objects.create(
        kind=Conversation.Kind.DIRECT, direct_key=f"{low}:{high}", created_by=first
    )
    for user in (first, second):
        Participant.objects.create(conversation=conversation, user=user)
    return conversation


@pytest.fixture
def course_and_instructor(migrated_site):
    return factories.course_with_instructor()


@pytest.fixture
def people(course_and_instructor):
    """A learner enrolled in the instructor's course (so they may talk), the
    instructor, and a stranger to both."""
    course, instructor = course_and_instructor
    learner = factories.learner_in(course)
    stranger = UserFactory(first_name="Sam", last_name="Stranger")
    return learner, instructor, stranger


@pytest.fixture
def cookies(channel_layer, people):
    """A session cookie for each of `people`, in the same order."""
    return [session_cookie(Client(), user) for user in people]


send = sync_to_async(services.send_message)


def test_an_anonymous_visitor_is_refused(channel_layer):
    async def scenario():
        socket = socket_for()
        await socket.connect()
        closed = await socket.receive_output(timeout=WAIT)
        assert closed == {"type": "websocket.close", "code": CLOSE_UNAUTHORISED}

    async_to_sync(scenario)()


def test_a_deactivated_account_is_refused(channel_layer, people, client):
    learner = people[0]
    cookie = session_cookie(client, learner)
    learner.is_active = False
    learner.save(update_fields=["is_active"])

    async def scenario():
        socket = socket_for(cookie)
        await socket.connect()
        assert (await socket.receive_output(timeout=WAIT))["code"] == CLOSE_UNAUTHORISED

    async_to_sync(scenario)()


def test_another_sites_page_cannot_open_the_socket(cookies):
    async def scenario():
        socket = socket_for(cookies[0], origin=b"https://evil.example")
        connected, _ = await socket.connect()
        assert not connected

    async_to_sync(scenario)()


def test_a_participant_hears_a_message_once_it_commits_with_ids_only(people, cookies):
    learner, instructor, _ = people
    conversation = direct_conversation(learner, instructor)

    async def scenario():
        socket = await signed_in(cookies[1])
        assert await watch(socket, conversation.pk) == {
            "type": "watching",
            "conversation": conversation.pk,
        }
        message = await send(learner, conversation, content="When is the checkride?")
        event = await socket.receive_json_from(timeout=WAIT)
        assert event == {
            "type": "chat.message",
            "conversation": conversation.pk,
            "message": message.pk,
            "sender": learner.pk,
        }
        assert "checkride" not in str(event)
        await socket.disconnect()

    async_to_sync(scenario)()


def test_another_users_conversation_cannot_be_watched_or_overheard(people, cookies):
    learner, instructor, _ = people
    conversation = direct_conversation(learner, instructor)

    async def scenario():
        socket = await signed_in(cookies[2])  # the stranger
        for attempt in (conversation.pk, str(conversation.pk), 10**9):
            reply = await watch(socket, attempt)
            assert reply["type"] == "error"
            assert reply["code"] == "not_found"
        await socket.send_json_to({"action": "typing", "conversation": conversation.pk})
        assert (await socket.receive_json_from(timeout=WAIT))["code"] == "not_found"
        await send(learner, conversation, content="Private question")
        assert await socket.receive_nothing(timeout=QUIET)
        await socket.disconnect()

    async_to_sync(scenario)()


def test_after_leaving_a_socket_hears_nothing_more(people, cookies):
    learner, instructor, _ = people
    conversation = direct_conversation(learner, instructor)

    async def scenario():
        socket = await signed_in(cookies[1])
        await watch(socket, conversation.pk)
        await sync_to_async(services.leave)(instructor, conversation)
        await send(learner, conversation, content="Still there?")
        assert await socket.receive_nothing(timeout=QUIET)
        assert await watch(socket, conversation.pk) == {
            "type": "error",
            "code": "not_found",
            "conversation": conversation.pk,
        }
        await socket.disconnect()

    async_to_sync(scenario)()


def test_a_block_in_a_direct_conversation_stops_the_events(people, cookies):
    learner, instructor, _ = people
    conversation = direct_conversation(learner, instructor)

    async def scenario():
        socket = await signed_in(cookies[0])
        await watch(socket, conversation.pk)
        await sync_to_async(services.block)(learner, instructor)
        await sync_to_async(services.mark_read)(instructor, conversation)
        assert await socket.receive_nothing(timeout=QUIET)
        await socket.disconnect()

    async_to_sync(scenario)()


def test_in_a_group_a_blocked_persons_events_are_dropped_and_the_rest_arrive(
    course_and_instructor, people, cookies
):
    course, instructor = course_and_instructor
    learner = people[0]
    classmate = factories.learner_in(course, UserFactory(first_name="Cal", last_name="Mate"))
    group = services.open_course_group(instructor, course)
    services.block(learner, classmate)

    async def scenario():
        socket = await signed_in(cookies[0])
        await watch(socket, group.pk)
        await send(classmate, group, content="Anyone selling a headset?")
        assert await socket.receive_nothing(timeout=QUIET)
        message = await send(instructor, group, content="Ground school at six")
        event = await socket.receive_json_from(timeout=WAIT)
        assert (event["type"], event["message"]) == ("chat.message", message.pk)
        await socket.disconnect()

    async_to_sync(scenario)()


def test_a_socket_of_a_deactivated_account_hears_nothing_more(people, cookies):
    learner, instructor, _ = people
    conversation = direct_conversation(learner, instructor)
    services.send_message(instructor, conversation, content="See you at the airport")

    async def scenario():
        socket = await signed_in(cookies[1])
        await watch(socket, conversation.pk)
        instructor.is_active = False
        await sync_to_async(instructor.save)(update_fields=["is_active"])
        await sync_to_async(services.mark_read)(learner, conversation)  # a chat.read event
        assert await socket.receive_nothing(timeout=QUIET)
        await socket.disconnect()

    async_to_sync(scenario)()


def test_typing_reaches_the_others_but_not_the_typist_once_a_second(people, cookies):
    learner, instructor, _ = people
    conversation = direct_conversation(learner, instructor)

    async def scenario():
        typist = await signed_in(cookies[0])
        reader = await signed_in(cookies[1])
        await watch(typist, conversation.pk)
        await watch(reader, conversation.pk)
        for _ in range(3):
            await typist.send_json_to({"action": "typing", "conversation": conversation.pk})
        assert await reader.receive_json_from(timeout=WAIT) == {
            "type": "chat.typing",
            "conversation": conversation.pk,
            "user": learner.pk,
            "name": "Lee Learner",
        }
        assert await reader.receive_nothing(timeout=QUIET)
        assert await typist.receive_nothing(timeout=QUIET)
        await typist.disconnect()
        await reader.disconnect()

    async_to_sync(scenario)()


def test_read_receipts_reach_the_sender(people, cookies):
    learner, instructor, _ = people
    conversation = direct_conversation(learner, instructor)

    async def scenario():
        socket = await signed_in(cookies[0])
        message = await send(learner, conversation, content="Seen?")
        await watch(socket, conversation.pk)
        await sync_to_async(services.mark_read)(instructor, conversation)
        assert await socket.receive_json_from(timeout=WAIT) == {
            "type": "chat.read",
            "conversation": conversation.pk,
            "user": instructor.pk,
            "message": message.pk,
        }
        await socket.disconnect()

    async_to_sync(scenario)()


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("{not json", "bad_json"),
        ("[1, 2]", "bad_request"),
        ('{"action": "explode"}', "unknown_action"),
        ('{"action": "watch", "conversation": {"id": 1}}', "not_found"),
        ('{"action": "watch", "conversation": true}', "not_found"),
        ('{"action": "watch", "conversation": "1e999"}', "not_found"),
        ('{"action": "typing"}', "not_found"),
        ('{"action": "ping", "pad": "' + "x" * 2000 + '"}', "bad_request"),
    ],
)
def test_bad_input_gets_an_error_event_and_the_socket_carries_on(cookies, frame, code):
    async def scenario():
        socket = await signed_in(cookies[0])
        await socket.send_to(text_data=frame)
        reply = await socket.receive_json_from(timeout=WAIT)
        assert reply["type"] == "error"
        assert reply["code"] == code
        await socket.send_json_to({"action": "ping"})
        assert await socket.receive_json_from(timeout=WAIT) == {"type": "pong"}
        await socket.disconnect()

    async_to_sync(scenario)()
