"""No NUL byte from the address reaches a view: not found in the path, dropped from
the query string (as the search boxes always did), never a 500.

PostgreSQL cannot compare text holding NUL, so before the middleware such requests
answered 500 there (`/courses/?category=%00`, `/certificates/%00/pdf/`)."""

import pytest

from learning.courses.factories import build_course, make_catalog

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/certificates/%00/pdf/", "/%00/", "/examiners/%00/"])
def test_a_nul_byte_in_the_path_is_the_not_found_page(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_a_nul_byte_in_a_filter_is_dropped_and_the_catalog_still_shows(client):
    catalog = make_catalog(publish=True)
    build_course(catalog, title="Checkride Prep", publish=True)
    response = client.get(f"{catalog.url}?category=%00&level=%00&q=Check%00ride")
    assert response.status_code == 200
    assert "Checkride Prep" in response.content.decode()


def test_a_nul_byte_in_a_search_is_dropped(client):
    catalog = make_catalog(publish=True)
    build_course(catalog, title="Checkride Prep", publish=True)
    response = client.get("/search/?q=Check%00ride")
    assert response.status_code == 200
    assert "Checkride Prep" in response.content.decode()
