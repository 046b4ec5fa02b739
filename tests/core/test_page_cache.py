"""The guest page cache: who it answers, under which key, and what it never keeps.

Every response says `X-Page-Cache: hit|miss|bypass`; a hit is served before the
session and the database are touched.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.test import Client

import pytest

from core.page_cache.keys import GENERATION_KEY
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module
from pages.forms_pages import FormField, FormPage
from pages.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog():
    catalog = make_catalog()
    make_course(catalog, title="Crosswind Landings")
    return catalog


def state(response):
    return response["X-Page-Cache"]


def test_a_guest_page_is_rendered_once_then_served_from_the_cache(client, catalog):
    first = client.get("/courses/")
    second = client.get("/courses/")
    assert [state(first), state(second)] == ["miss", "hit"]
    assert second.content == first.content
    assert "Crosswind Landings" in second.content.decode()
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Length"] == str(len(first.content))


def test_a_hit_reads_neither_the_database_nor_a_session(client, catalog, django_assert_num_queries):
    client.get("/courses/")
    with django_assert_num_queries(0):
        assert state(client.get("/courses/")) == "hit"


def test_a_hit_carries_the_same_public_cache_policy_as_a_fresh_page(client, catalog):
    fresh = client.get("/courses/")
    cached = client.get("/courses/")
    assert state(cached) == "hit"
    assert "public" in cached["Cache-Control"]
    assert cached["Cache-Control"] == fresh["Cache-Control"]
    assert cached["Vary"] == fresh["Vary"] == "Cookie"
    assert cached["X-Frame-Options"] == fresh["X-Frame-Options"]


def test_head_is_answered_from_the_page_a_get_stored(client, catalog):
    body = client.get("/courses/").content
    head = client.head("/courses/")
    assert state(head) == "hit"
    assert head.content == b""
    assert head["Content-Length"] == str(len(body))


@pytest.mark.parametrize(
    "cookie", [settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name], ids=["session", "messages"]
)
def test_a_session_or_messages_cookie_bypasses_the_cache(client, catalog, cookie):
    client.get("/courses/")
    assert state(client.get("/courses/")) == "hit"
    client.cookies[cookie] = "anything"
    assert state(client.get("/courses/")) == "bypass"


def test_an_authorization_header_or_a_script_fetch_bypasses_the_cache(client, catalog):
    client.get("/courses/")
    assert state(client.get("/courses/", HTTP_AUTHORIZATION="Basic eDp5")) == "bypass"
    assert state(client.get("/courses/", HTTP_X_REQUESTED_WITH="fetch")) == "bypass"


def test_a_signed_in_visitor_never_gets_nor_leaves_a_cached_page(client, learner, catalog):
    client.force_login(learner)
    mine = client.get("/courses/")
    assert state(mine) == "bypass"
    assert "private" in mine["Cache-Control"]
    assert state(Client().get("/courses/")) == "miss"


def test_post_is_never_cached(client, catalog):
    client.get("/courses/")
    assert state(client.post("/courses/")) == "bypass"
    assert state(client.get("/courses/")) == "hit"


def test_a_page_that_sets_a_cookie_is_never_cached(client):
    """A form page carries a CSRF token: every guest gets a fresh one, never a copy."""
    form = FormPage(
        title="Contact us",
        slug="contact",
        to_address="support@groundschool.test",
        subject="Contact form",
        form_fields=[FormField(sort_order=0, label="Message", field_type="multiline")],
    )
    HomePage.objects.get().add_child(instance=form)
    responses = [Client().get("/contact/") for _ in range(2)]
    assert [state(response) for response in responses] == ["miss", "miss"]
    assert all(settings.CSRF_COOKIE_NAME in response.cookies for response in responses)


def test_not_found_pages_are_not_kept(client):
    assert [state(client.get("/no-such-page/")) for _ in range(2)] == ["miss", "miss"]


def test_admin_accounts_and_health_paths_bypass_the_cache(client):
    for path in ("/admin/", "/accounts/login/", "/healthz"):
        assert state(client.get(path)) == "bypass", path


def test_paths_the_settings_exclude_bypass_the_cache(client, catalog, settings):
    settings.PAGE_CACHE_EXCLUDE = ["/courses/"]
    assert [state(client.get("/courses/")) for _ in range(2)] == ["bypass", "bypass"]


def test_the_cache_can_be_switched_off(client, catalog, settings):
    settings.PAGE_CACHE_ENABLED = False
    assert [state(client.get("/courses/")) for _ in range(2)] == ["bypass", "bypass"]


def test_tracking_parameters_share_the_key_and_never_reach_the_page(client, catalog):
    lesson = make_lesson(make_module(catalog.get_children().get().specific), access_level="guest")
    first = client.get(lesson.url, {"utm_source": "newsletter", "fbclid": "abc"})
    assert state(first) == "miss"
    assert "utm_source" not in first.content.decode()  # e.g. in the "Log in" link's next=
    assert state(client.get(lesson.url)) == "hit"
    assert state(client.get(lesson.url, {"utm_campaign": "spring"})) == "hit"


def test_parameters_a_page_reads_are_part_of_the_key(client, catalog):
    client.get("/courses/", {"q": "cross", "page": "1"})
    assert state(client.get("/courses/", {"q": "cross", "page": "2"})) == "miss"
    assert state(client.get("/courses/", {"q": "cross", "page": "1"})) == "hit"
    assert state(client.get("/courses/?page=1&q=cross")) == "hit"  # order does not matter
    assert state(client.get("/courses/")) == "miss"


def test_unknown_parameters_bypass_the_cache(client, catalog):
    client.get("/courses/")
    assert state(client.get("/courses/", {"view": "grid"})) == "bypass"


def test_odd_query_strings_never_fail(client, catalog):
    assert client.get("/courses/?q=%00&page=%ff&&=&utm_").status_code == 200


def test_pages_larger_than_the_limit_are_not_kept(client, catalog, settings):
    settings.PAGE_CACHE_MAX_BYTES = 100
    assert [state(client.get("/courses/")) for _ in range(2)] == ["miss", "miss"]


def test_a_lost_generation_makes_every_page_a_miss_never_a_stale_hit(client, catalog):
    client.get("/courses/")
    cache.delete(GENERATION_KEY)  # evicted, or Redis restarted without its keys
    assert state(client.get("/courses/")) == "miss"
    assert state(client.get("/courses/")) == "hit"
