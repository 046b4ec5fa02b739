"""Two people, two Chromium contexts, one conversation, no reloads: what the learner
sends shows up on the instructor's open pages over the WebSocket (the bell, then the
thread, "typing" included), and what the instructor reads shows up as "Seen" under the
learner's message.

Served by uvicorn (config.asgi, HTTP and WebSockets; see asgi_server.py), not by the
WSGI live_server the other browser tests use.
"""

import time

from django.test import Client

import pytest

from community.chat import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIVE_WAIT_S = 15


def signed_in_page(browser, server, user):
    """A page in a fresh browser context, signed in as `user` by session cookie."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=server.url)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(LIVE_WAIT_S * 1000)
    frames = []
    page.on(
        "websocket", lambda socket: socket.on("framereceived", lambda frame: frames.append(frame))
    )
    page.socket_frames = frames
    return page


def wait_for_frame(page, text, skip=0):
    """Block until the page's sockets have received a frame containing `text` (after the
    first `skip` frames)."""
    deadline = time.monotonic() + LIVE_WAIT_S
    while not any(text in str(frame) for frame in page.socket_frames[skip:]):
        if time.monotonic() > deadline:
            raise AssertionError(f"no socket frame with {text!r}: {page.socket_frames}")
        page.wait_for_timeout(50)


def mark_no_reload(page):
    page.evaluate("window.__sameDocument = true")


def still_same_document(page):
    return page.evaluate("window.__sameDocument === true")


def bell_count(page):
    badge = page.locator("[data-bell-count]")
    return int(badge.inner_text() or 0) if badge.is_visible() else 0


def wait_for_bell(page, count):
    page.wait_for_function(
        "n => Number(document.querySelector('[data-bell-count]').textContent || 0) === n",
        arg=count,
    )


def send(page, text):
    box = page.get_by_label("Message", exact=True)
    box.fill(text)
    box.press("Enter")


def test_messages_bell_and_read_receipts_arrive_live(browser, asgi_server):
    course, instructor = factories.course_with_instructor()
    learner = factories.learner_in(course)
    conversation = factories.direct_conversation(learner, instructor, topic="Class B airspace")
    thread = f"/messages/{conversation.pk}/"

    learner_page = signed_in_page(browser, asgi_server, learner)
    instructor_page = signed_in_page(browser, asgi_server, instructor)
    try:
        learner_page.goto(thread)
        wait_for_frame(learner_page, '"watching"')
        instructor_page.goto("/dashboard/")
        wait_for_frame(instructor_page, "notifications.unread")
        badge = instructor_page.locator("[data-bell-count]")
        before = bell_count(instructor_page)  # the learner's enrollment may be one
        mark_no_reload(instructor_page)

        send(learner_page, "Can I fly through the Class B shelf at 3,500 ft?")
        mine = learner_page.locator("li.chat-message--mine")
        mine.first.wait_for()
        wait_for_bell(instructor_page, before + 1)
        assert badge.is_visible()
        assert still_same_document(instructor_page)

        instructor_page.goto(thread)
        wait_for_frame(instructor_page, '"watching"')
        instructor_page.get_by_text("Class B shelf at 3,500 ft").wait_for()
        learner_page.locator("[data-chat-seen]").wait_for()
        assert learner_page.locator("[data-chat-seen]").inner_text() == "Seen"
        mark_no_reload(instructor_page)

        instructor_page.get_by_label("Message", exact=True).press_sequentially("Let me")
        learner_page.get_by_text(f"{instructor.display_name} is typing").wait_for()
        heard = len(instructor_page.socket_frames)
        send(learner_page, "Or should I go under it?")
        wait_for_frame(instructor_page, '"chat.message"', skip=heard)
        instructor_page.get_by_text("Or should I go under it?").wait_for()
        assert still_same_document(instructor_page)
        seen_under = mine.last.locator("[data-chat-seen]")
        seen_under.wait_for()
        wait_for_bell(instructor_page, before)  # reading the thread read its notification
    finally:
        learner_page.context.close()
        instructor_page.context.close()
