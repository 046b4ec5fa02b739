"""robots.txt keeps crawlers out of private areas and points them at the sitemap."""

import pytest

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_robots_txt_disallows_private_areas_and_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/django-admin/", "/accounts/", "/search/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines  # the public site stays crawlable


def test_robots_txt_is_publicly_cacheable_for_anonymous_visitors(client):
    response = client.get("/robots.txt")
    assert "public" in response["Cache-Control"]
    assert "max-age=" in response["Cache-Control"]


def test_robots_txt_uses_the_requested_host_and_scheme(client):
    response = client.get("/robots.txt", headers={"host": "localhost"}, secure=True)
    assert "Sitemap: https://localhost/sitemap.xml" in response.content.decode().splitlines()


def test_robots_txt_is_never_publicly_cached_for_signed_in_users(client):
    client.force_login(UserFactory())
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]


def test_robots_txt_refuses_writes(client):
    refused = client.post("/robots.txt")
    assert (refused.status_code, refused["Allow"]) == (405, "GET, HEAD")
