"""Home page sections marketers curate: hand-picked or featured items, items that drop
out cleanly, a flat query budget, and valid structured data."""

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from learning.courses.factories import make_catalog, make_course
from pages.home_blocks import STATS_CACHE_KEY
from pages.models import HomePage, LandingPage
from snippets.models import Category
from snippets.models import Testimonial as SnippetTestimonial

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return HomePage.objects.get()


def set_sections(page, sections):
    page.body = sections
    page.save_revision().publish()


def make_testimonial(name, featured=True, live=True):
    item = SnippetTestimonial(
        name=name, role="Private pilot", quote=f"{name} passed.", rating=5, featured=featured
    )
    item.save()
    if live:
        item.save_revision().publish()
    else:
        item.live = False
        item.save()
    return item


def section_titles(html):
    return re.findall(r'class="course-card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_featured_courses_fall_back_to_courses_marked_featured(client, home):
    catalog = make_catalog()
    make_course(catalog, title="Featured One", is_featured=True)
    make_course(catalog, title="Not Featured")
    set_sections(
        home, [{"type": "featured_courses", "value": {"heading": "Top", "courses": [], "limit": 3}}]
    )
    html = client.get("/").content.decode()
    assert section_titles(html) == ["Featured One"]


def test_hand_picked_courses_keep_their_order_and_unpublished_ones_drop_out(client, home):
    catalog = make_catalog()
    first = make_course(catalog, title="Alpha")
    second = make_course(catalog, title="Bravo")
    gone = make_course(catalog, title="Charlie")
    set_sections(
        home,
        [
            {
                "type": "featured_courses",
                "value": {
                    "heading": "Picked",
                    "courses": [second.pk, gone.pk, first.pk],
                    "limit": 3,
                },
            }
        ],
    )
    gone.unpublish()
    html = client.get("/").content.decode()
    assert section_titles(html) == ["Bravo", "Alpha"]
    second.delete()
    response = client.get("/")
    assert response.status_code == 200
    assert section_titles(response.content.decode()) == ["Alpha"]


def test_testimonials_show_only_published_ones(client, home):
    make_testimonial("Casey Crosswind")
    make_testimonial("Drafty Dana", live=False)
    set_sections(
        home,
        [{"type": "testimonials", "value": {"heading": "Pilots", "testimonials": [], "limit": 3}}],
    )
    html = client.get("/").content.decode()
    assert "Casey Crosswind" in html
    assert "Drafty Dana" not in html
    assert 'aria-label="Rated 5 out of 5"' in html


def test_featured_categories_link_to_category_pages(client, home):
    Category.objects.create(name="Weather", featured=True)
    Category.objects.create(name="Hidden", featured=True, active=False)
    set_sections(
        home, [{"type": "featured_categories", "value": {"heading": "Topics", "categories": []}}]
    )
    html = client.get("/").content.decode()
    assert 'href="/categories/weather/"' in html
    assert "Hidden" not in html


def test_stats_are_cached_and_refreshed_when_a_course_is_published(client, home, commit):
    set_sections(home, [{"type": "stats", "value": {"heading": "In numbers"}}])
    catalog = make_catalog()
    client.get("/")
    assert "courses" in client.get("/").content.decode().lower()
    with commit():
        make_course(catalog, title="New course", publish=True)
    from django.core.cache import cache

    assert cache.get(STATS_CACHE_KEY) is None
    html = client.get("/").content.decode()
    assert re.search(r"<dt>Courses</dt><dd>1</dd>", html)


def test_home_page_query_count_does_not_grow_with_featured_items(client, home, without_page_cache):
    catalog = make_catalog()
    sections = [
        {"type": "featured_courses", "value": {"heading": "C", "courses": [], "limit": 12}},
        {"type": "testimonials", "value": {"heading": "T", "testimonials": [], "limit": 9}},
        {"type": "featured_categories", "value": {"heading": "K", "categories": []}},
        {"type": "stats", "value": {"heading": ""}},
    ]
    set_sections(home, sections)

    def add(count):
        for n in range(count):
            category = Category.objects.create(
                name=f"Topic {Category.objects.count()}", featured=True
            )
            make_course(catalog, title=f"Course {n}", is_featured=True, category=category)
            make_testimonial(f"Pilot {SnippetTestimonial.objects.count()}")

    def queries():
        client.get("/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/").status_code == 200
        return len(captured)

    add(1)
    few = queries()
    add(7)
    assert queries() == few


def test_home_page_carries_valid_organization_json_ld_and_social_tags(client, home):
    html = client.get("/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = [json.loads(block) for block in blocks]
    assert any(
        item["@type"] == "Organization" and item["url"] == "http://testserver/" for item in data
    )
    assert f'<link rel="canonical" href="{home.full_url}">' in html
    assert '<meta property="og:title"' in html
    assert '<meta name="twitter:card"' in html


def test_landing_page_uses_the_same_sections(client, home):
    landing = LandingPage(
        title="Spring checkride push",
        slug="spring",
        hero_heading="Spring!",
        body=[
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Go",
                    "text": "",
                    "button_label": "Start",
                    "link": {"page": None, "url": "https://example.com/"},
                },
            }
        ],
    )
    home.add_child(instance=landing)
    landing.save_revision().publish()
    html = client.get("/spring/").content.decode()
    assert "Spring!" in html
    assert 'href="https://example.com/">Start</a>' in html


def test_category_page_lists_live_courses_including_sub_categories(client):
    parent = Category.objects.create(name="Weather")
    child = Category.objects.create(name="Thunderstorms", parent=parent)
    catalog = make_catalog()
    make_course(catalog, title="Weather 101", category=parent)
    make_course(catalog, title="Storm Avoidance", category=child)
    make_course(catalog, title="Draft Weather", category=parent).unpublish()
    html = client.get("/categories/weather/").content.decode()
    assert "Weather 101" in html
    assert "Storm Avoidance" in html
    assert "Draft Weather" not in html
    assert 'href="/categories/thunderstorms/"' in html


@pytest.mark.parametrize("slug", ["no-such-topic", "inactive"])
def test_unknown_or_inactive_category_is_a_404(client, slug):
    Category.objects.create(name="Inactive", active=False)
    response = client.get(f"/categories/{slug}/")
    assert response.status_code == 404
    assert b"We could not find that page" in response.content


def test_category_page_bad_page_number_shows_a_notice(client):
    Category.objects.create(name="Weather")
    response = client.get("/categories/weather/", {"page": "zz"})
    assert response.status_code == 200
    assert b"page number was not valid" in response.content


def test_marketing_pages_are_public_for_guests_and_private_for_members(client, home):
    from accounts.factories import UserFactory

    guest = client.get("/")
    assert "public" in guest["Cache-Control"]
    assert "Cookie" in guest["Vary"]
    client.force_login(UserFactory())
    member = client.get("/")
    assert "private" in member["Cache-Control"]
    assert "public" not in member["Cache-Control"]


def test_redirects_managed_in_the_admin_are_followed(client, home):
    from wagtail.contrib.redirects.models import Redirect

    Redirect.objects.create(old_path="/old-ground-school", redirect_link="/about/")
    response = client.get("/old-ground-school/")
    assert response.status_code == 301
    assert response["Location"] == "/about/"


def test_course_page_json_ld_parses_as_a_course(client):
    course = make_course(make_catalog(), title="Night Flying", summary='Lights "and" <b>')
    html = client.get(course.url).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = {item["@type"]: item for item in map(json.loads, blocks)}
    assert data["Course"]["name"] == "Night Flying"
    assert data["Course"]["description"] == 'Lights "and" <b>'
    assert [item["name"] for item in data["BreadcrumbList"]["itemListElement"]][-1] == (
        "Night Flying"
    )
