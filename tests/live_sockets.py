"""Helpers for tests of the site's WebSocket (/ws/live/), driven through the whole ASGI
stack (origin check, session login, routing) with Channels' WebsocketCommunicator.

`layer_settings` points CHANNEL_LAYERS at the in-memory layer or, when REDIS_URL is
set, at Redis (the test run's own cache database, with a prefix of its own), so each
socket test runs on both.
"""

from channels.testing import WebsocketCommunicator

from config.asgi import application
from tests.conftest import configured_url

LAYERS = ["memory", "redis"]
QUIET = 0.2  # seconds a socket must stay silent to count as "received nothing"
WAIT = 5  # seconds an expected event may take on a busy machine


def layer_settings(settings, layer):
    if layer == "redis":
        configured_url("REDIS_URL", "the Redis channel layer is tested against it")
        settings.CHANNEL_LAYERS = {
            "default": {
                "BACKEND": "channels_redis.core.RedisChannelLayer",
                "CONFIG": {
                    "hosts": [settings.CACHES["default"]["LOCATION"]],
                    "prefix": "groundschool:test-live",
                },
            }
        }
    else:
        settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    return layer


def session_cookie(client, user):
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}".encode()


def socket_for(cookie=None, origin=b"http://testserver"):
    headers = [(b"origin", origin), (b"host", b"testserver")]
    if cookie:
        headers.append((b"cookie", cookie))
    return WebsocketCommunicator(application, "/ws/live/", headers=headers)


async def connected(cookie):
    """A connected socket and its greeting (the unread count)."""
    socket = socket_for(cookie)
    accepted, _ = await socket.connect()
    assert accepted
    greeting = await socket.receive_json_from(timeout=WAIT)
    assert greeting["type"] == "notifications.unread"
    return socket, greeting


async def signed_in(cookie):
    socket, _ = await connected(cookie)
    return socket
