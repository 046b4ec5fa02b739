"""After `load_demo`, sitemap.xml lists pages at the address the site is served on."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import Site

import pytest

pytestmark = pytest.mark.django_db


def test_the_demo_sitemap_lists_pages_at_site_url(client, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    call_command("load_demo", stdout=StringIO())
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://127.0.0.1:8000/courses/</loc>" in xml
    assert "http://localhost/" not in xml


def test_a_host_an_editor_set_is_kept(settings):
    Site.objects.filter(is_default_site=True).update(hostname="groundschool.example", port=443)
    call_command("load_demo", stdout=StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "groundschool.example",
        443,
        "https://groundschool.example",
    )
