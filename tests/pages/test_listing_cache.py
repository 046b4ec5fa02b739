"""Home sections and course cards come from a cache (pages.section_cache): a home page
with every kind of section costs what a bare one does, and whatever an editor, a
moderator or a publish changes shows on the next request."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest

from accounts.factories import UserFactory
from learning.courses.factories import make_catalog, make_course
from pages.models import HomePage
from snippets.models import Category

from .test_home_sections import make_testimonial, section_titles, set_sections

pytestmark = pytest.mark.django_db

# What routing to the page costs (pages.routing); every section, card, picture and
# category comes from the listing cache, the branding from its own cache.
GUEST_HOME_QUERIES = 1
# Routing, then the ids of the courses to list; cards and category filter are cached.
CATALOG_QUERIES = 2
# The ids of the category's courses (the site comes from the cache, pages.routing).
CATEGORY_QUERIES = 1


@pytest.fixture
def without_page_cache(settings):
    """Pins count what rendering costs: the guest page cache would answer with none."""
    settings.PAGE_CACHE_ENABLED = False


def picture(title):
    return get_image_model().objects.create(title=title, file=get_test_image_file())


def warm_count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.fixture
def demo_like_home():
    """The demo's home: featured courses with thumbnails, categories with pictures,
    testimonials with photos, the stats strip and a call to action."""
    catalog = make_catalog(publish=True)
    home = HomePage.objects.get()  # after the catalog: saving a stale copy would orphan it
    set_sections(
        home,
        [
            {"type": "heading", "value": "Study for the checkride"},
            {"type": "featured_courses", "value": {"heading": "C", "courses": [], "limit": 12}},
            {"type": "featured_categories", "value": {"heading": "K", "categories": []}},
            {"type": "testimonials", "value": {"heading": "T", "testimonials": [], "limit": 9}},
            {"type": "stats", "value": {"heading": "Numbers"}},
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Ready?",
                    "text": "",
                    "button_label": "Browse",
                    "link": {"page": catalog.pk, "url": ""},
                },
            },
        ],
    )
    return home, catalog


def add_items(catalog, count):
    for n in range(count):
        category = Category.objects.create(
            name=f"Topic {Category.objects.count()}", featured=True, image=picture("Tile")
        )
        make_course(
            catalog,
            title=f"Course {n}",
            is_featured=True,
            category=category,
            thumbnail=picture("C"),
        )
        testimonial = make_testimonial(f"Pilot {n}")
        testimonial.avatar = picture("Face")
        testimonial.save_revision().publish()


def test_a_home_with_every_section_costs_what_routing_does(
    client, demo_like_home, without_page_cache
):
    _home, catalog = demo_like_home
    add_items(catalog, 1)
    few, html = warm_count(client, "/")
    assert section_titles(html) == ["Course 0"]
    assert "Pilot 0" in html
    assert "Topic 0" in html
    assert "Numbers" in html
    add_items(catalog, 6)
    many, html = warm_count(client, "/")
    assert len(section_titles(html)) == 7
    assert few == many == GUEST_HOME_QUERIES


def test_publishing_a_featured_course_shows_on_the_next_home_view(client, demo_like_home):
    _home, catalog = demo_like_home
    add_items(catalog, 1)
    client.get("/")
    make_course(catalog, title="Brand New Course", is_featured=True, publish=True)
    assert "Brand New Course" in section_titles(client.get("/").content.decode())


def test_snippet_edits_show_on_the_next_home_view(client, demo_like_home):
    _home, catalog = demo_like_home
    add_items(catalog, 1)
    client.get("/")
    testimonial = make_testimonial("Pat Pilot")
    testimonial.quote = "Checkride passed first time."
    testimonial.save_revision().publish()
    category = Category.objects.get(name="Topic 0")
    category.name = "Weather Wisdom"
    category.save()
    html = client.get("/").content.decode()
    assert "Checkride passed first time." in html
    assert "Weather Wisdom" in html
    assert "Topic 0" not in html


def test_signed_in_visitors_get_the_same_sections_but_their_own_header(client, demo_like_home):
    _home, catalog = demo_like_home
    add_items(catalog, 2)
    guest_html = client.get("/").content.decode()
    client.force_login(UserFactory(first_name="Robin"))
    html = client.get("/").content.decode()
    assert section_titles(html) == section_titles(guest_html)
    assert "Your account" in html
    assert "Your account" not in guest_html


def course_card_rating(html, title):
    card = html.split(f">{title}</a>")[1].split("</article>")[0]
    found = re.search(r"Rated ([\d.]+) out of 5 from (\d+) review", card)
    return found.groups() if found else None


def test_an_approved_review_changes_the_card_rating_everywhere(client, demo_like_home, commit):
    from tests.community.reviews.conftest import published_review

    _home, catalog = demo_like_home
    course = make_course(catalog, title="Rated Course", is_featured=True, publish=True)
    assert course_card_rating(client.get(catalog.url).content.decode(), "Rated Course") is None
    assert course_card_rating(client.get("/").content.decode(), "Rated Course") is None
    with commit():
        review = published_review(course, rating=4)
    assert course_card_rating(client.get(catalog.url).content.decode(), "Rated Course") == (
        "4.0",
        "1",
    )
    assert course_card_rating(client.get("/").content.decode(), "Rated Course") == ("4.0", "1")
    with commit():
        review.delete()
    assert course_card_rating(client.get(catalog.url).content.decode(), "Rated Course") is None


def test_unpublishing_a_course_takes_its_card_out_of_the_catalog(client):
    catalog = make_catalog(publish=True)
    course = make_course(catalog, title="Soon Gone", publish=True)
    assert "Soon Gone" in client.get(catalog.url).content.decode()
    course.unpublish()
    html = client.get(catalog.url).content.decode()
    assert "Soon Gone" not in html
    assert "0 courses." in html


def test_the_catalog_costs_the_same_signed_in(client, django_assert_num_queries):
    from tests.conftest import session_queries

    catalog = make_catalog(publish=True)
    for n in range(3):
        make_course(catalog, title=f"Course {n}", publish=True)
    client.force_login(UserFactory())
    client.get(catalog.url)
    # The user and the two permission lookups behind the Wagtail user bar.
    with django_assert_num_queries(CATALOG_QUERIES + 3 + session_queries()):
        client.get(catalog.url)


def test_category_pages_cost_the_same_for_1_and_20_courses(client, without_page_cache):
    catalog = make_catalog(publish=True)
    parent = Category.objects.create(name="Weather")
    category = Category.objects.create(
        name="Clouds", slug="clouds", parent=parent, image=picture("Sky")
    )
    Category.objects.create(name="Fog", slug="fog", parent=category)
    url = "/categories/clouds/"
    make_course(catalog, title="Course A", category=category, thumbnail=picture("A"), publish=True)
    few, html = warm_count(client, url)
    assert "Course A" in html
    assert "Weather" in html
    assert "Fog" in html
    for n in range(19):
        make_course(catalog, title=f"Course {n}", category=category, publish=True)
    many, _html = warm_count(client, url)
    assert few == many == CATEGORY_QUERIES


def test_a_renamed_category_shows_on_its_page_and_in_the_catalog_filter(client):
    catalog = make_catalog(publish=True)
    category = Category.objects.create(name="Clouds", slug="clouds")
    client.get("/categories/clouds/")
    client.get(catalog.url)
    category.name = "Clouds and Fog"
    category.save()
    assert "<h1>Clouds and Fog" in client.get("/categories/clouds/").content.decode()
    assert ">Clouds and Fog</option>" in client.get(catalog.url).content.decode()


def test_an_inactive_or_unknown_category_is_not_found(client):
    Category.objects.create(name="Old", slug="old", active=False)
    assert client.get("/categories/old/").status_code == 404
    assert client.get("/categories/no-such-thing/").status_code == 404
