"""The course catalog: filters, sorting, pagination, and lenient handling of bad links."""

from decimal import Decimal

import pytest

from core.pagination import PAGE_SIZE
from learning.courses.factories import make_catalog, make_course
from snippets.models import Category


@pytest.fixture
def catalog(db):
    catalog = make_catalog()
    weather = Category.objects.create(name="Weather")
    airspace = Category.objects.create(name="Airspace")
    make_course(catalog, title="Reading METARs", level="beginner", category=weather)
    make_course(
        catalog, title="Class B Deep Dive", level="advanced", category=airspace, price=Decimal(49)
    )
    make_course(
        catalog,
        title="Thunderstorm Avoidance",
        level="intermediate",
        category=weather,
        price=Decimal(29),
        subtitle="Convective SIGMETs and radar",
    )
    return catalog


def titles(response):
    return [course.title for course in response.context["courses"]]


def test_catalog_lists_live_courses_with_price_or_free(client, catalog):
    make_course(catalog, title="Draft Course").unpublish()
    response = client.get(catalog.url)
    html = response.content.decode()
    assert set(titles(response)) == {
        "Reading METARs",
        "Class B Deep Dive",
        "Thunderstorm Avoidance",
    }
    assert "Draft Course" not in html
    assert "Free" in html
    assert "$49" in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"category": "weather"}, {"Reading METARs", "Thunderstorm Avoidance"}),
        ({"level": "advanced"}, {"Class B Deep Dive"}),
        ({"access": "free"}, {"Reading METARs"}),
        ({"access": "premium"}, {"Class B Deep Dive", "Thunderstorm Avoidance"}),
        ({"q": "radar"}, {"Thunderstorm Avoidance"}),
        ({"q": "metar", "category": "weather"}, {"Reading METARs"}),
        ({"category": "airspace", "access": "free"}, set()),
    ],
)
def test_filters_narrow_the_catalog(client, catalog, params, expected):
    response = client.get(catalog.url, params)
    assert response.status_code == 200
    assert set(titles(response)) == expected
    assert b"catalog-notice" not in response.content


def test_sorting_by_title(client, catalog):
    response = client.get(catalog.url, {"sort": "title"})
    assert titles(response) == ["Class B Deep Dive", "Reading METARs", "Thunderstorm Avoidance"]


def test_no_match_shows_an_empty_state_with_a_way_back(client, catalog):
    html = client.get(catalog.url, {"q": "seaplane"}).content.decode()
    assert "No courses match" in html
    assert "see every course" in html


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"category": "no-such-thing"}, "unknown category"),
        ({"level": "expert"}, "unknown level"),
        ({"access": "gold"}, "unknown price filter"),
        ({"sort": "random"}, "unknown sort order"),
        ({"page": "abc"}, "page number was not valid"),
        ({"page": "-3"}, "page number was not valid"),
        ({"page": "999"}, "fewer pages than that"),
        ({"page": "1" * 400}, "fewer pages than that"),
        ({"category": "x" * 5000, "q": "<script>" * 100}, "unknown category"),
    ],
)
def test_malformed_filters_are_ignored_with_a_visible_notice(client, catalog, params, notice):
    response = client.get(catalog.url, params)
    assert response.status_code == 200
    assert notice in response.content.decode()
    assert b"<script><script>" not in response.content
    assert len(titles(response)) >= 1 or params.get("q")


def test_pagination_keeps_the_filters(client, catalog, settings):

    for n in range(PAGE_SIZE):
        make_course(catalog, title=f"Weather course {n:02}", level="beginner")
    response = client.get(catalog.url, {"level": "beginner", "sort": "title"})
    html = response.content.decode()
    assert "Page 1 of 2" in html
    assert "level=beginner&amp;sort=title&amp;page=2" in html
    second = client.get(catalog.url, {"level": "beginner", "sort": "title", "page": 2})
    assert titles(second) == ["Weather course 11"]


@pytest.mark.django_db
def test_nul_characters_in_search_boxes_are_ignored_not_a_500(client):
    """PostgreSQL refuses NUL in a query; every search box drops it first."""
    catalog = make_catalog()
    for url in (catalog.url, "/search/", "/examiners/"):
        response = client.get(url, {"q": "class\x00 b"})
        assert response.status_code == 200, url
        html = response.content.decode()
        assert 'value="class b"' in html, url  # the box shows the query without the NUL
        assert "\x00" not in html, url
