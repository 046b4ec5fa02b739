"""Category icons are heroicons picked from a short list, not emoji: emoji draw as empty
boxes on machines without an emoji font, and an unknown icon name would break the page."""

import importlib

from django.apps import apps
from django.template import Context, Template

import pytest
from bs4 import BeautifulSoup

from pages.models import HomePage
from snippets.models import Category
from snippets.models.category import CategoryIcon

from .helpers import field_errors, snippet_url

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("snippets.migrations.0005_category_icon_heroicon")


def outline_svg(name):
    """The SVG the heroicons tag draws for `name` (raises if heroicons has no such icon)."""
    return Template('{% load icons %}{% heroicon_outline name size=28 class="icon" %}').render(
        Context({"name": name})
    )


def drawn_shape(name):
    """The outline of heroicon `name`, to recognise it in a page."""
    return BeautifulSoup(outline_svg(name), "html.parser").select_one("path")["d"]


@pytest.mark.parametrize("name", CategoryIcon.values)
def test_every_offered_icon_exists_in_heroicons(name):
    assert "<svg" in outline_svg(name)


def test_the_migration_lists_the_same_icons_as_the_model():
    assert set(CategoryIcon.values) == MIGRATION.ICON_NAMES


def test_the_admin_offers_icons_and_refuses_an_emoji(admin_client):
    data = {"name": "Weather", "slug": "", "description": "", "sort_order": "0", "active": "on"}
    response = admin_client.post(snippet_url("category", "add"), {**data, "icon": "⛈️"})
    assert response.status_code == 200
    assert "icon" in field_errors(response)
    response = admin_client.post(snippet_url("category", "add"), {**data, "icon": "cloud"})
    assert response.status_code == 302
    assert Category.objects.get().icon == "cloud"


def test_category_page_draws_the_icon_beside_the_name(client):
    Category.objects.create(name="Weather", icon="cloud")
    html = client.get("/categories/weather/").content.decode()
    heading = BeautifulSoup(html, "html.parser").select_one("h1")
    assert heading.get_text(strip=True) == "Weather"
    icon = heading.select_one("svg")
    assert icon["aria-hidden"] == "true"
    assert icon.select_one("path")["d"] == drawn_shape("cloud")


def test_home_category_tiles_draw_their_icons(client):
    Category.objects.create(name="Airspace", icon="map", featured=True)
    Category.objects.create(name="Regulations", featured=True)  # no icon: just the name
    home = HomePage.objects.get()
    home.body = [{"type": "featured_categories", "value": {"heading": "Topics", "categories": []}}]
    home.save_revision().publish()
    page = BeautifulSoup(client.get("/").content, "html.parser")
    tiles = {tile.strong.get_text(): tile for tile in page.select(".category-tile")}
    assert tiles["Airspace"].select_one("svg path")["d"] == drawn_shape("map")
    assert tiles["Regulations"].select_one("svg") is None


def test_migration_maps_the_demo_emoji_and_clears_the_rest():
    emoji = {"Airspace": "🗺️", "Weather": "⛅", "Regulations": "📘", "Storms": "⛈️", "Keep": "sun"}
    for name, icon in emoji.items():
        Category.objects.create(name=name)
        Category.objects.filter(name=name).update(icon=icon)  # as stored before the change
    MIGRATION.emoji_to_heroicons(apps, None)
    assert dict(Category.objects.values_list("name", "icon")) == {
        "Airspace": "map",
        "Weather": "cloud",
        "Regulations": "book-open",
        "Storms": "",
        "Keep": "sun",
    }
