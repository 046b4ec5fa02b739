"""Every page of the demo that a search engine lists carries a meta description.

Without one, search results show whatever text the engine picks (often the menu).
"""

import re

import pytest

from pages.models import HomePage

pytestmark = pytest.mark.django_db

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]+)">')


@pytest.mark.parametrize("path", ["/", "/courses/", "/about/", "/contact/", "/premium/"])
def test_demo_pages_describe_themselves(client, demo_content, path):
    html = client.get(path).content.decode()
    found = DESCRIPTION.search(html)
    assert found, f"{path} has no meta description"
    assert 40 <= len(found.group(1)) <= 170
    assert "<" not in found.group(1)


def test_the_home_page_is_described_by_its_hero_text(client, demo_content):
    html = client.get("/").content.decode()
    assert DESCRIPTION.search(html).group(1).startswith("Ground school lessons, spaced-repetition")


def test_an_editors_description_wins_over_the_teaser(client, demo_content):
    home = HomePage.objects.get()
    home.search_description = "Checkride preparation for private pilots."
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert DESCRIPTION.search(html).group(1) == "Checkride preparation for private pilots."
