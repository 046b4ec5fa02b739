"""Examiners and testimonials show a photo, or initials when there is none."""

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest
from bs4 import BeautifulSoup

from snippets.models import Examiner
from snippets.models import Testimonial as Quote

pytestmark = pytest.mark.django_db


def page(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser")


def test_the_examiner_directory_shows_initials_for_examiners_without_a_photo(client, demo_content):
    cards = page(client, "/examiners/").select("[data-testid=examiner-card]")
    assert len(cards) == Examiner.objects.filter(active=True).count()
    for card in cards:
        name = card.select_one(".examiner-card__name").get_text(strip=True)
        badge = card.select_one("[data-testid=avatar-initials]")
        assert badge["aria-label"] == name
        first, *_, last = name.split()
        assert badge.get_text(strip=True) == first[0] + last[0]


def test_an_examiners_photo_replaces_the_initials(client, demo_content):
    examiner = Examiner.objects.filter(active=True).first()
    examiner.photo = get_image_model().objects.create(title="DPE", file=get_test_image_file())
    examiner.save()
    detail = page(client, f"/examiners/{examiner.slug}/")
    photo = detail.select_one(".examiner-header img.avatar")
    assert photo["alt"] == examiner.name
    assert detail.select_one(".examiner-header [data-testid=avatar-initials]") is None


def test_home_testimonials_show_an_avatar_for_each_person(client, demo_content):
    quotes = page(client, "/").select(".testimonial")
    assert quotes
    names = set(Quote.objects.live().values_list("name", flat=True))
    labels = {quote.select_one(".avatar")["aria-label"] for quote in quotes}
    assert labels <= names
    assert len(labels) == len(quotes)
