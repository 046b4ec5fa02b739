"""Publishing a page purges it from the caching proxy when one is configured."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from learning.courses.factories import make_catalog, make_course


class PurgeRecorder(BaseHTTPRequestHandler):
    """A stand-in caching proxy on loopback that records the PURGE requests it gets."""

    purged = []

    def do_PURGE(self):
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy():
    PurgeRecorder.purged = []
    server = HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", PurgeRecorder.purged
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_publishing_purges_the_page_url(settings, proxy, commit):
    location, purged = proxy
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    course = make_course(make_catalog(), title="Crosswind Landings", slug="crosswind")
    with commit():
        course.save_revision().publish()
    assert ("localhost", "/courses/crosswind/") in purged
