"""The bell's live count: a signed-in socket hears its own unread count on connect and
after every change, and never anyone else's; signing out ends the socket. Runs on the
in-memory channel layer and, when REDIS_URL is set, on Redis."""

from django.test import Client

import pytest
from asgiref.sync import async_to_sync, sync_to_async

from community.chat.consumers import CLOSE_REAUTHENTICATE, CLOSE_UNAUTHORISED
from community.notifications import services
from tests.live_sockets import (
    LAYERS,
    QUIET,
    WAIT,
    connected,
    layer_settings,
    session_cookie,
    signed_in,
    socket_for,
)

pytestmark = pytest.mark.django_db(transaction=True)

notify = sync_to_async(services.notify)


@pytest.fixture(params=LAYERS)
def channel_layer(request, settings):
    return layer_settings(settings, request.param)


def test_the_socket_greets_with_the_current_unread_count(channel_layer, learner, client):
    services.notify([learner], "quiz_graded", text="Quiz graded: 9/10")
    services.notify([learner], "quiz_graded", text="Quiz graded: 10/10")
    cookie = session_cookie(client, learner)

    async def scenario():
        socket, greeting = await connected(cookie)
        assert greeting == {"type": "notifications.unread", "count": 2}
        await socket.disconnect()

    async_to_sync(scenario)()


def test_a_notification_and_reading_it_update_only_the_recipients_count(
    channel_layer, learner, other_learner, client
):
    mine = session_cookie(client, learner)
    theirs = session_cookie(Client(), other_learner)

    async def scenario():
        socket = await signed_in(mine)
        bystander = await signed_in(theirs)
        await notify([learner], "quiz_graded", text="Quiz graded: 9/10")
        assert await socket.receive_json_from(timeout=WAIT) == {
            "type": "notifications.unread",
            "count": 1,
        }
        await sync_to_async(services.mark_all_read)(learner)
        assert await socket.receive_json_from(timeout=WAIT) == {
            "type": "notifications.unread",
            "count": 0,
        }
        assert await bystander.receive_nothing(timeout=QUIET)
        await socket.disconnect()
        await bystander.disconnect()

    async_to_sync(scenario)()


def test_nothing_is_sent_before_the_transaction_commits(channel_layer, learner, client):
    from django.db import transaction

    cookie = session_cookie(client, learner)

    def notify_and_roll_back():
        with transaction.atomic():
            services.notify([learner], "quiz_graded", text="Quiz graded: 9/10")
            transaction.set_rollback(True)

    async def scenario():
        socket = await signed_in(cookie)
        await sync_to_async(notify_and_roll_back)()
        assert await socket.receive_nothing(timeout=QUIET)
        await socket.disconnect()

    async_to_sync(scenario)()


def test_a_layer_that_is_down_never_breaks_the_write(learner, settings):
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": ["redis://127.0.0.1:1/0"]},
        }
    }
    created = services.notify([learner], "quiz_graded", text="Quiz graded: 9/10")
    assert len(created) == 1
    assert learner.notifications.count() == 1


def test_signing_out_ends_the_sockets_and_only_live_sessions_get_back_in(channel_layer, learner):
    laptop, phone = Client(), Client()
    laptop_cookie, phone_cookie = session_cookie(laptop, learner), session_cookie(phone, learner)

    async def scenario():
        on_laptop = await signed_in(laptop_cookie)
        on_phone = await signed_in(phone_cookie)
        await sync_to_async(laptop.logout)()
        for socket in (on_laptop, on_phone):
            closed = await socket.receive_output(timeout=WAIT)
            assert closed == {"type": "websocket.close", "code": CLOSE_REAUTHENTICATE}
        again = socket_for(laptop_cookie)
        await again.connect()
        assert (await again.receive_output(timeout=WAIT))["code"] == CLOSE_UNAUTHORISED
        phone_again = await signed_in(phone_cookie)
        await phone_again.disconnect()

    async_to_sync(scenario)()
