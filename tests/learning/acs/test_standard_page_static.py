"""The ACS pages, like every page, load one stylesheet (main.css, with the ACS section in
it) and no script that blocks rendering besides the early theme script."""

import re
from pathlib import Path

from django.conf import settings

import pytest

TEMPLATES = Path(settings.BASE_DIR) / "templates"
EARLY_THEME = "js/theme-early.js"

pytestmark = pytest.mark.django_db


def scripts_and_sheets(html):
    scripts = re.findall(r"<script\b[^>]*>", html)
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    return scripts, sheets


@pytest.mark.parametrize("url", ["/acs/", "/acs/pa/", "/acs/pa/pa.i.a/", "/acs/pa/?q=element"])
def test_acs_pages_load_the_one_stylesheet_and_only_deferred_scripts(client, standard, url):
    scripts, sheets = scripts_and_sheets(client.get(url).content.decode())
    assert sheets == ["/static/css/main.css"]
    blocking = [tag for tag in scripts if 'type="module"' not in tag and " defer" not in tag]
    assert len(blocking) == 1
    assert EARLY_THEME in blocking[0]


def test_no_template_links_a_stylesheet_or_a_blocking_script_of_its_own():
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        _, sheets = scripts_and_sheets(text)
        assert not sheets or template.name == "base.html", template
        for tag in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", text):
            deferred = 'type="module"' in tag or " defer" in tag or EARLY_THEME in tag
            assert deferred, f"{template}: {tag}"
