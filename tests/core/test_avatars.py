"""Avatars: a photo when there is one, otherwise initials on a colour of the person's own,
with the full name for screen readers either way."""

from django.template import Context, Template

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest
from bs4 import BeautifulSoup

from core.avatars import TONES, initials, tone


def render(name, image=None, size="md"):
    template = Template("{% load avatar_tags %}{% avatar name image size %}")
    html = template.render(Context({"name": name, "image": image, "size": size}))
    return BeautifulSoup(html, "html.parser")


def test_a_person_without_a_photo_gets_initials_and_their_name_as_accessible_text():
    badge = render("Maria de la Cruz").select_one(".avatar")
    assert badge.get_text(strip=True) == "MC"
    assert (badge["role"], badge["aria-label"]) == ("img", "Maria de la Cruz")
    assert tone("Maria de la Cruz") in badge["style"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sam", "S"),
        ("  o'brien, pat ", "OP"),
        ("Élodie Ørsted", "ÉØ"),
        ("Captain 737 Kim", "CK"),
        ("🛩️", ""),
        ("", ""),
    ],
)
def test_initials_come_from_the_first_and_last_words(name, expected):
    assert initials(name) == expected


def test_a_name_without_letters_shows_a_neutral_person_icon():
    badge = render("🛩️ 42").select_one(".avatar")
    assert badge.find("svg") is not None
    assert badge["aria-label"] == "🛩️ 42"


def test_the_colour_is_stable_and_ignores_case_and_spaces():
    assert tone("Alex Rivera") == tone(" alex rivera ") == tone("ALEX RIVERA")
    assert len({tone(f"Person {n}") for n in range(200)}) == len(TONES)  # all tones in use


def contrast_with_white(colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


@pytest.mark.parametrize("colour", TONES)
def test_white_initials_are_readable_on_every_tone(colour):
    assert contrast_with_white(colour) >= 4.5


@pytest.mark.django_db
def test_a_person_with_a_photo_gets_a_round_rendition_named_by_alt_text():
    photo = get_image_model().objects.create(title="Portrait", file=get_test_image_file())
    picture = render("Alex Rivera", photo, size="lg").select_one("img.avatar")
    assert picture["alt"] == "Alex Rivera"
    assert (picture["width"], picture["height"]) == ("96", "96")
    assert picture["src"].startswith("/media/images/")
    assert ".fill-192x192" in picture["src"]
