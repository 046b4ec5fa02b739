"""Pages routed from the cache (pages.routing) answer exactly as Wagtail's own routing:
each test fetches a page once so its route is cached, changes the tree, and fetches again.
The guest page cache is off so each response comes from the router."""

from django.test import RequestFactory

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

import pytest

from learning.courses.factories import make_catalog, make_course, make_lesson, make_module


@pytest.fixture(autouse=True)
def without_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def tree(db):
    course = make_course(make_catalog(), title="Weather Theory")
    module = make_module(course, title="Fronts")
    lesson = make_lesson(module, title="Cold fronts", access_level="guest")
    other = make_module(course, title="Clouds")
    return {"course": course, "module": module, "lesson": lesson, "other": other}


def no_longer_served(client, old_url, new_url):
    """The old address shows no page: a 404, or the redirect Wagtail files on a move."""
    response = client.get(old_url)
    assert response.status_code in (301, 302, 404)
    if response.status_code != 404:
        assert response["Location"].endswith(new_url)


def served_twice(client, url):
    """The second response, served with the route the first one cached."""
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == second.status_code
    return second


def test_a_cached_route_serves_the_page(client, tree):
    response = served_twice(client, tree["lesson"].url)
    assert response.status_code == 200
    assert "Cold fronts" in response.content.decode()


def test_unknown_path_is_a_404_every_time(client, tree):
    assert served_twice(client, "/courses/weather-theory/no-such-module/").status_code == 404


def test_unpublished_page_is_a_404_once_unpublished(client, tree):
    url = tree["lesson"].url
    assert served_twice(client, url).status_code == 200
    tree["lesson"].unpublish()
    assert client.get(url).status_code == 404


def test_under_an_unpublished_ancestor_routing_agrees_with_wagtail(client, tree):
    """Wagtail itself checks only the page's own live flag, not its ancestors': the
    cache must give the answer Wagtail's walk gives, whatever it is."""
    url = tree["lesson"].url
    served_twice(client, url)
    tree["module"].unpublish()
    assert client.get(tree["module"].url).status_code == 404
    walked = Page.find_for_request(RequestFactory().get(url, HTTP_HOST="localhost"), url)
    expected = 404 if walked is None else 200
    assert served_twice(client, url).status_code == expected


def test_login_restriction_added_after_caching_asks_guests_to_log_in(
    client, tree, django_user_model
):
    url = tree["lesson"].url
    assert served_twice(client, url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=tree["course"], restriction_type=PageViewRestriction.LOGIN
    )
    response = served_twice(client, url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    restriction.delete()
    assert client.get(url).status_code == 200


def test_password_restriction_shows_the_password_form(client, tree):
    url = tree["lesson"].url
    served_twice(client, url)
    PageViewRestriction.objects.create(
        page=tree["module"], restriction_type=PageViewRestriction.PASSWORD, password="vfr"
    )
    response = served_twice(client, url)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert "Cold fronts</h1>" not in response.content.decode()


def test_alias_page_serves_its_source_content(client, tree):
    alias = tree["lesson"].create_alias(parent=tree["other"], update_slug="cold-fronts-again")
    response = served_twice(client, alias.url)
    assert response.status_code == 200
    assert "Cold fronts" in response.content.decode()


def test_moved_lesson_answers_at_its_new_address_only(client, tree):
    old_url = tree["lesson"].url
    served_twice(client, old_url)
    tree["lesson"].move(tree["other"], pos="last-child")
    moved = Page.objects.get(pk=tree["lesson"].pk)
    no_longer_served(client, old_url, moved.url)
    assert served_twice(client, moved.url).status_code == 200


def test_renamed_slug_answers_at_the_new_address_only(client, tree):
    lesson = tree["lesson"]
    old_url = lesson.url
    served_twice(client, old_url)
    lesson.slug = "cold-fronts-explained"
    lesson.save_revision().publish()
    new_url = Page.objects.get(pk=lesson.pk).url
    no_longer_served(client, old_url, new_url)
    assert served_twice(client, new_url).status_code == 200


def test_redirects_still_answer_for_paths_that_are_no_page(client, tree):
    Redirect.objects.create(old_path="/old-weather", redirect_page=tree["course"])
    response = served_twice(client, "/old-weather/")
    assert response.status_code == 301
    assert response["Location"].endswith(tree["course"].url)


def test_missing_trailing_slash_redirects_and_head_answers(client, tree):
    url = tree["lesson"].url
    assert client.get(url.rstrip("/")).status_code == 301
    served_twice(client, url)
    head = client.head(url)
    assert head.status_code == 200
    assert head.content == b""
