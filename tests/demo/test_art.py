"""The demo's drawn artwork: every demo course and category has a picture with alt text
that Wagtail can crop, the home page and catalog show it on every card, and loading the
demo again adds no second copy."""

from io import StringIO

from django.core.management import call_command

from wagtail.images import get_image_model

import pytest
from bs4 import BeautifulSoup

from accounts.roles import SITE_MEDIA
from core.storage import is_public_name
from demo.art import SCENES, png_bytes
from demo.art.library import ART, demo_image
from learning.courses.models import CoursePage
from pages.models import HomePage
from snippets.models import Category

pytestmark = pytest.mark.django_db


def cards(html, selector):
    return BeautifulSoup(html, "html.parser").select(selector)


def test_each_demo_course_and_category_has_a_croppable_picture_with_alt_text(demo_content):
    pictured = [course.thumbnail for course in CoursePage.objects.all()]
    pictured += [category.image for category in Category.objects.all()]
    pictured.append(HomePage.objects.get().hero_image)
    assert len(pictured) == CoursePage.objects.count() + Category.objects.count() + 1
    for image in pictured:
        assert image is not None
        assert len(image.default_alt_text) > 30, image.title  # a sentence, not the title
        assert image.collection.name == SITE_MEDIA  # where staff roles may use it
        assert is_public_name(image.file.name)
        rendition = image.get_rendition("fill-480x270|format-webp")
        assert (rendition.width, rendition.height) == (480, 270)
        assert rendition.url.endswith(".webp")


def test_home_page_shows_a_picture_on_every_course_card_and_category_tile(client, demo_content):
    html = client.get("/").content.decode()
    course_cards = cards(html, "article.course-card")
    tiles = cards(html, "a.category-tile")
    assert course_cards
    assert tiles
    for card in course_cards + tiles:
        picture = card.find("img")
        assert picture is not None, card.get_text(" ", strip=True)
        assert picture["src"].startswith("/media/images/demo-art-")
        assert picture["alt"] == ""  # decorative: the title beside it is the link text
    hero = cards(html, ".hero img.hero__image")[0]
    assert hero["alt"] == HomePage.objects.get().hero_image.default_alt_text
    assert "1280w" in hero["srcset"]


def test_catalog_and_category_pages_show_each_courses_picture(client, demo_content):
    catalog = cards(client.get("/courses/").content.decode(), "article.course-card")
    assert len(catalog) == CoursePage.objects.live().count()
    assert all(card.find("img")["src"].startswith("/media/images/") for card in catalog)
    weather = client.get("/categories/weather/").content.decode()
    header_picture = cards(weather, ".category-header img.category-header__image")
    assert header_picture
    assert header_picture[0]["alt"] == ""


def test_a_course_without_a_picture_shows_the_neutral_illustration(client, demo_content):
    CoursePage.objects.update(thumbnail=None)
    for card in cards(client.get("/courses/").content.decode(), "article.course-card"):
        assert card.find("img")["src"].endswith("img/course-placeholder.svg")


def test_loading_the_demo_again_adds_no_second_picture(demo_content):
    images = get_image_model().objects.count()
    assert images == len(ART["images"])
    call_command("load_demo", stdout=StringIO())
    assert get_image_model().objects.count() == images
    assert demo_image("trainer") == get_image_model().objects.get(title__contains="runway")


@pytest.mark.parametrize("scene", sorted(SCENES))
def test_each_scene_draws_the_same_picture_every_time(scene):
    first = png_bytes.__wrapped__(scene, 320, 180)
    assert png_bytes.__wrapped__(scene, 320, 180) == first
    assert first.startswith(b"\x89PNG")
