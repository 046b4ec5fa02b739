"""Browser tests: Playwright driving the system's headless Chromium against live_server.

Never downloads a browser: it uses /usr/bin/chromium (Debian package `chromium`).
Skipped locally when Chromium is absent; required in CI.
"""

import os
from pathlib import Path

import pytest

from tests.conftest import require, restore_migrated_content

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module.

    Playwright's sync API keeps an event loop running in this thread, so Django's
    async-safety check would refuse the tests' own (synchronous) database calls while
    it lives; the check is relaxed for exactly that span, including database teardown.
    """
    require(CHROMIUM.exists(), f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def page(browser, live_server, settings):
    restore_migrated_content()
    settings.SITE_URL = live_server.url  # links in emails lead to the site under test
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def asgi_server(transactional_db, settings, monkeypatch):
    """The site served over HTTP and WebSockets (config.asgi) by uvicorn in a thread;
    tests/e2e/asgi_server.py says how it shares the test database."""
    from django.db import connections

    from config.asgi import application

    from .asgi_server import AsgiServer

    restore_migrated_content()
    monkeypatch.setitem(connections.settings["default"], "CONN_MAX_AGE", 0)
    server = AsgiServer(application)
    settings.SITE_URL = server.url
    server.start()
    yield server
    server.stop()
