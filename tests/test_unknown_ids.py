"""An id that names nothing is simply not found, on every route that takes one.

Every URL pattern with an ``<id:...>`` placeholder (walked from the resolver, so new
routes join by themselves) is asked for with an id too large for the converter (the URL
matches no route, so it never reaches a query) and with an id that fits but names no
row. A guest and a signed-in learner ask on the site; on the Wagtail admin a staff
member asks too, and the others are sent to log in before anything is looked up.
"""

from django.test import Client

import pytest

from accounts.factories import UserFactory
from tests.urlmap import all_routes

TOO_LARGE = str(10**12)
ABSENT = ("0", "999999999")  # ids the converter takes that name no row
# Non-id placeholders get a value the view knows, so only the id can be what is missing.
KNOWN_VALUES = {"action": "suspend", "file_format": "csv"}
NOT_FOUND = "We could not find that"
ADMIN_NOT_FOUND = "Page not found"
LOGIN = "/accounts/login/?next="
# Wagtail sends a path no admin route matches to its own login, which hands over to LOGIN.
ADMIN_LOGIN = "/admin/login/?next="

ID_ROUTES = [route for route in all_routes() if route.id_placeholders]
# Guests asking for an absent id: the login redirect, except on these routes, which
# look the object up first (a public page, a picture) or tell a script to log in (403).
GUEST_NOT_FOUND = {
    "enroll",
    "complete_lesson",
    "incomplete_lesson",
    "quiz_start",
    "course_reviews",
    "flashcards_card_picture",
    "flashcards_card_picture_small",
}
GUEST_FORBIDDEN = {"lesson_heartbeat", "quiz_answer"}


def cases():
    for route in ID_ROUTES:
        admin = route.route.startswith("admin/")
        for who in ("guest", "learner", "staff") if admin else ("guest", "learner"):
            yield pytest.param(route, who, id=f"{route.name}-{who}")


def visitor(who):
    client = Client()
    if who != "guest":
        client.force_login(UserFactory(is_staff=who == "staff", is_superuser=who == "staff"))
    return client


def with_id(route, value):
    return route.fill({**KNOWN_VALUES, **dict.fromkeys(route.id_placeholders, value)})


def answers(client, path):
    """The route's answers to GET and POST, leaving out a method it refuses (405)."""
    both = (client.get(path), client.post(path))
    answered = [response for response in both if response.status_code != 405]
    assert answered, f"{path} answers neither GET nor POST"
    return answered


def assert_not_found(response, message, what):
    """A 404 that says so: `message` on the page, or a script's JSON error."""
    assert response.status_code == 404, what
    if response["Content-Type"] == "application/json":
        assert response.json()["error"], what
    else:
        assert message in response.content.decode(), what


def assert_redirected(response, target, what):
    """A redirect whose Location starts with `target` (the login page and its `next`)."""
    assert response.status_code == 302, what
    assert response["Location"].startswith(target), what


def method_and_path(response):
    return f"{response.request['REQUEST_METHOD']} {response.request['PATH_INFO']}"


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "who"), list(cases()))
def test_ids_that_name_nothing_are_not_found(route, who):
    client = visitor(who)
    too_large = with_id(route, TOO_LARGE)
    absent = [with_id(route, value) for value in ABSENT]
    admin = route.route.startswith("admin/")
    if admin and who != "staff":  # sent to log in before anything is looked up
        for path in (too_large, *absent):
            login = ADMIN_LOGIN if path == too_large else LOGIN
            for response in (client.get(path), client.post(path)):
                assert_redirected(response, login + path, method_and_path(response))
        return
    message = ADMIN_NOT_FOUND if admin else NOT_FOUND
    for response in (client.get(too_large), client.post(too_large)):
        assert_not_found(response, message, method_and_path(response))
    for path in absent:
        for answer in answers(client, path):
            what = method_and_path(answer)
            if who != "guest" or route.name in GUEST_NOT_FOUND:
                assert_not_found(answer, message, what)
            elif route.name in GUEST_FORBIDDEN:
                assert answer.status_code == 403, what
                assert answer.json()["error"].startswith("Log in to "), what
            else:
                assert_redirected(answer, LOGIN, what)
