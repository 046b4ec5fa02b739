"""Hostile and malformed input never gets a 500, on any route, for any kind of visitor.

Every URL pattern of the site (walked from the resolver, so new routes join by
themselves) is requested by a guest, the demo learner and an admin: with the learner's
own real ids and with malformed ones (zero, a number too large for the database, a NUL
byte, a word, a very long value), with bare-word and external `next` values and NUL
bytes in the usual query parameters, by GET and POST (with a bare-word Referer). Each
answer must be a clear one (2xx, 3xx or 4xx) and a redirect never leaves the site.

The demo is loaded once for the module (demo_content) and rolled back after it.
"""

from urllib.parse import urlsplit

from django.test import Client

import pytest

from accounts.models import User
from tests.urlmap import all_routes

MALFORMED = ["0", "99999999999999999999", "%00", "nonsense", "x" * 300]
QUERIES = [
    "next=0&page=%00&q=%00&category=%00&sort=%00&tier=%00&deck=%00&days=%00",
    "next=dashboard&page=99999999999999999999&q=" + "%F0%9F%9B%A9" * 200,
    "next=https://evil.example/&page=-1&category=nonsense",
    "next=//evil.example/%2F..&format=%00",
]
# Routes whose placeholders are not ids: a plausible value keeps the request reaching
# the view (a slug the demo has, an action the study screen knows).
SITE_ROUTES = [
    route for route in all_routes() if not route.route.startswith(("admin/", "django-admin/"))
]
# Admin routes with parameters (the admin permission sweep covers the others by role).
ADMIN_ROUTES = [
    route for route in all_routes() if route.route.startswith("admin/") and route.placeholders
]


def owned_ids(learner):
    """The demo learner's own objects, by the placeholder names the URLs use."""
    from community.gouge.models import GougeReport
    from community.reviews.models import Review
    from learning.assessments.models import Attempt
    from learning.courses.models import CoursePage, LessonPage
    from learning.enrollments.models import Bookmark, Certificate, Note
    from learning.flashcards.models import Deck
    from learning.orals.models import MockOralSession
    from snippets.models import Examiner

    def first(queryset, field="pk"):
        value = queryset.values_list(field, flat=True).first()
        return "1" if value is None else str(value)

    deck = Deck.objects.filter(owner=learner).first()
    oral = MockOralSession.objects.filter(user=learner).first()
    lesson = first(LessonPage.objects.live())
    return {
        "course_id": first(CoursePage.objects.live()),
        "lesson_id": lesson,
        "page_id": lesson,
        "note_id": first(Note.objects.filter(user=learner)),
        "bookmark_id": first(Bookmark.objects.filter(user=learner)),
        "assessment_id": first(Attempt.objects.filter(user=learner), "assessment_id"),
        "attempt_id": first(Attempt.objects.filter(user=learner)),
        "review_id": first(Review.objects.filter(user=learner)),
        "report_id": first(GougeReport.objects.filter(author=learner)),
        "deck_id": str(deck.pk) if deck else "1",
        "card_id": first(deck.cards.all()) if deck else "1",
        "session_id": str(oral.pk) if oral else "1",
        "item_id": first(oral.items.all()) if oral else "1",
        "slug": first(Examiner.objects.all(), "slug"),
        "action": "suspend",
        "number": first(Certificate.objects.filter(enrollment__user=learner), "certificate_number"),
        "verification_hash": first(Certificate.objects.all(), "verification_hash"),
        "key": "MQ:1tZ:nonsense",
        "uidb36": "1",
        "restriction_id": "1",
        "page_view_restriction_id": "1",
        "": "1",
    }


@pytest.fixture(scope="module")
def demo(demo_content, django_db_blocker):
    """The module's shared demo (tests/conftest.py): its learner, admin and their ids."""
    with django_db_blocker.unblock():
        learner = User.objects.get(email="learner@demo.test")
        admin = User.objects.get(email="admin@demo.test")
        return {"learner": learner, "admin": admin, "ids": owned_ids(learner)}


def visitor(demo, who):
    client = Client()
    if who != "guest":
        client.force_login(demo[who])
    return client


def assert_clear_answer(response, what, also=()):
    """`also`: statuses that are a route's deliberate answer (a health probe's 503)."""
    assert response.status_code < 500 or response.status_code in also, what
    if 300 <= response.status_code < 400:
        target = urlsplit(response["Location"])
        assert target.netloc in ("", "testserver"), f"{what} redirected off-site: {target}"


def paths(route, ids):
    """The route with the learner's real ids, then with each malformed value everywhere."""
    yield route.fill(ids)
    for value in MALFORMED:
        yield route.fill(dict.fromkeys([*ids, *route.placeholders], value))


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["guest", "learner", "admin"])
@pytest.mark.parametrize("route", SITE_ROUTES, ids=str)
def test_no_site_route_answers_500(demo, route, who):
    client = visitor(demo, who)
    # With a broker configured and no worker in the test, /healthz rightly says 503.
    also = {503} if route.name == "healthz" else set()
    for number, path in enumerate(paths(route, demo["ids"])):
        for query in QUERIES if number == 0 else QUERIES[:1]:
            url = f"{path}?{query}"
            assert_clear_answer(client.get(url), f"GET {url} as {who}", also)
            if who != "guest":
                posted = client.post(url, {"next": "0"}, headers={"Referer": "dashboard"})
                assert_clear_answer(posted, f"POST {url} as {who}", also)


@pytest.mark.django_db
@pytest.mark.parametrize("route", ADMIN_ROUTES, ids=str)
def test_no_admin_route_answers_500_to_malformed_ids(demo, route):
    client = visitor(demo, "admin")
    for value in MALFORMED[1:4]:
        path = route.fill(dict.fromkeys(route.placeholders, value))
        assert_clear_answer(client.get(f"{path}?{QUERIES[0]}"), f"GET {path}")
