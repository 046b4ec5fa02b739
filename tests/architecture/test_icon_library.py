"""Templates load the project's memoised icon tags, not the heroicons package's own.

The package parses and deep-copies its SVG on every call; a course page draws dozens of
icons, and that was a fifth of its render time (pages/templatetags/icons.py)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOAD_TAG = re.compile(r"\{%\s*load\s+([^%]*?)\s*%\}")


def template_files():
    yield from (ROOT / "templates").rglob("*.html")
    yield from (ROOT / "site").rglob("templates/**/*.html")


def test_no_template_loads_the_unmemoised_heroicons_library():
    offenders = [
        str(path.relative_to(ROOT))
        for path in template_files()
        for libraries in LOAD_TAG.findall(path.read_text(encoding="utf-8"))
        if "heroicons" in libraries.split()
    ]
    assert offenders == []


def test_the_icons_library_draws_the_same_svg_as_the_package():
    from django.template import Context, Template

    import heroicons

    drawn = Template('{% load icons %}{% heroicon_mini "star" size=16 class="x" %}').render(
        Context()
    )
    assert drawn == heroicons._render_icon("mini", "star", 16, {"class": "x"})
