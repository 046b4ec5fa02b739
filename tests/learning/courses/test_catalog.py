"""The course catalog: filters, sorting, pagination, and lenient handling of bad links.

Payments do not exist yet, so cards and the "Access" filter speak of Premium lessons,
never of a price: every course is free to enroll.
"""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup

from core.pagination import PAGE_SIZE
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module
from snippets.models import Category


def with_lessons(course, *access_levels, **lesson_fields):
    """Give `course` one module holding a live lesson per access level."""
    module = make_module(course)
    for n, level in enumerate(access_levels, start=1):
        make_lesson(module, title=f"{course.title} {n}", access_level=level, **lesson_fields)
    return course


@pytest.fixture
def catalog(db):
    catalog = make_catalog()
    weather = Category.objects.create(name="Weather")
    airspace = Category.objects.create(name="Airspace")
    with_lessons(
        make_course(catalog, title="Reading METARs", level="beginner", category=weather),
        "guest",
        "registered",
    )
    # A list price waits for payments: it must not leak onto the card.
    with_lessons(
        make_course(
            catalog,
            title="Class B Deep Dive",
            level="advanced",
            category=airspace,
            price=Decimal(49),
        ),
        "registered",
        "premium",
    )
    with_lessons(
        make_course(
            catalog,
            title="Thunderstorm Avoidance",
            level="intermediate",
            category=weather,
            subtitle="Convective SIGMETs and radar",
        ),
        "premium",
    )
    return catalog


def cards(response):
    """{course title: the card's visible text} for every card on the page."""
    page = BeautifulSoup(response.content, "html.parser")
    return {
        card.select_one(".course-card__title").get_text(strip=True): card.get_text(" ", strip=True)
        for card in page.select(".course-card")
    }


def titles(response):
    return [course.title for course in response.context["courses"]]


def test_catalog_lists_live_courses_and_says_which_include_premium_lessons(client, catalog):
    make_course(catalog, title="Draft Course").unpublish()
    response = client.get(catalog.url)
    assert set(titles(response)) == {
        "Reading METARs",
        "Class B Deep Dive",
        "Thunderstorm Avoidance",
    }
    assert "Draft Course" not in response.content.decode()
    shown = cards(response)
    assert "Free course" in shown["Reading METARs"]
    assert "Premium" not in shown["Reading METARs"]
    for title in ("Class B Deep Dive", "Thunderstorm Avoidance"):
        assert "Free to enroll Includes Premium lessons" in shown[title]


def test_no_card_shows_a_price(client, catalog):
    make_course(
        catalog,
        title="Discounted",
        price=Decimal("149.00"),
        discount_price=Decimal("119.00"),
    )
    shown = cards(client.get(catalog.url))
    assert len(shown) == 4
    for title, text in shown.items():
        assert "$" not in text, title
        assert "149" not in text, title
        assert "119" not in text, title


def test_drafts_and_free_previews_do_not_make_a_course_premium(client, catalog):
    """Only a live lesson that really needs Premium counts: a draft is not shown and a
    free preview is open to guests."""
    previewed = with_lessons(
        make_course(catalog, title="VFR Charts"), "premium", is_free_preview=True
    )
    make_lesson(previewed.get_children().first(), title="Draft", access_level="premium").unpublish()
    assert "Free course" in cards(client.get(catalog.url))["VFR Charts"]
    assert "VFR Charts" in titles(client.get(catalog.url, {"access": "free"}))
    assert "VFR Charts" not in titles(client.get(catalog.url, {"access": "premium"}))


def test_the_access_filter_names_lessons_not_prices(client, catalog):
    page = BeautifulSoup(client.get(catalog.url).content, "html.parser")
    assert page.select_one('label[for="catalog-access"]').get_text(strip=True) == "Access"
    options = [o.get_text(strip=True) for o in page.select("#catalog-access option")]
    assert options == ["All courses", "All lessons free", "Includes Premium lessons"]


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
        ({"access": "gold"}, "unknown access filter"),
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
