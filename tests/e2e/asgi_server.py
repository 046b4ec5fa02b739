"""A live ASGI server (uvicorn, in a background thread) for browser tests that need the
WebSocket as well as HTTP: pytest-django's live_server speaks WSGI only.

The server's event loop is started with async_to_sync from the server thread, so every
thread-sensitive sync_to_async call (each Django view, each database_sync_to_async call
of the consumer) runs on that one thread, one at a time: asgiref sends such calls to the
sync thread above the loop before any per-request executor Django's ASGIHandler sets up.

The database the server sees is the test's:
- SQLite: the test database lives in memory, visible only through the test's own
  connection object. Like Django's LiveServerThread, the server thread is handed that
  object (connections_override, made shareable with inc_thread_sharing) before its loop
  starts. One connection object is one transaction, so its users must take turns: the
  single server thread does (separate request threads interleaved one request's
  queries inside another's transaction and lost updates at random).
- PostgreSQL: nothing is handed over; the server's threads open their own connections
  to the test database, which is why these tests are transactional (each side commits
  what the other must see). CONN_MAX_AGE is 0 meanwhile, so each request and consumer
  call closes its connection and none outlives the test to block the database's flush
  or drop.
"""

import socket
import threading
import time

from django.db import connections

import uvicorn
from asgiref.sync import async_to_sync


def free_port(host):
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


class AsgiServer:
    def __init__(self, application, host="127.0.0.1"):
        self.host = host
        self.port = free_port(host)
        self.shared_connections = {
            conn.alias: conn
            for conn in connections.all()
            if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        config = uvicorn.Config(
            application, host=host, port=self.port, lifespan="off", log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self._serve, name="asgi-live-server", daemon=True)
        self.error = None

    @property
    def url(self):
        return f"http://{self.host}:{self.port}"

    def _serve(self):
        for alias, conn in self.shared_connections.items():
            connections[alias] = conn
        try:
            async_to_sync(self.server.serve)()
        except BaseException as error:  # reported by start()
            self.error = error

    def start(self, timeout=15):
        for conn in self.shared_connections.values():
            conn.inc_thread_sharing()
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"ASGI test server did not start: {self.error!r}")
            time.sleep(0.05)

    def stop(self):
        self.server.should_exit = True
        self.thread.join(timeout=15)
        for conn in self.shared_connections.values():
            conn.dec_thread_sharing()
