"""Every demo lesson, read by a premium learner, renders as prose, never as Python.

A StreamField block that hands a raw value to the template prints its repr
(`{'data': [[...]]}`), `None`, or, with a broken tag, the template syntax itself. A
guest met exactly that on the free preview (table blocks), and no test saw it: this one
reads every lesson's visible text and attributes, the way a reader would.
"""

import re
from html.parser import HTMLParser

import pytest

from accounts.models import User
from learning.courses.models import LessonPage

pytestmark = pytest.mark.django_db

# What leaks when Python objects reach the page instead of their rendering.
PYTHON_LEAKS = [
    re.compile(r"\{'[^']*':"),  # a dict repr
    re.compile(r"\[\{"),  # a list of dicts
    re.compile(r"\bNone\b"),
    re.compile(r"\b(?:True|False)\b"),
    re.compile(r"\b(?:StructValue|StreamValue|ListValue|RichText|BoundBlock)\b"),
    re.compile(r"<[\w.]+ object at 0x[0-9a-f]+>"),
    re.compile(r"\{\{|\}\}|\{%|%\}"),  # template syntax that was never rendered
]


class ReaderView(HTMLParser):
    """Collects what a reader meets: text outside scripts and styles, and attribute values."""

    SKIPPED = {"script", "style", "template"}

    def __init__(self):
        super().__init__()
        self.depth_skipped = 0
        self.texts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.depth_skipped += 1
        self.texts.extend(value for name, value in attrs if value and not name.startswith("on"))

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self.depth_skipped:
            self.depth_skipped -= 1

    def handle_data(self, data):
        if not self.depth_skipped and data.strip():
            self.texts.append(data)


def leaks(html):
    reader = ReaderView()
    reader.feed(html)
    return sorted(
        {
            f"{pattern.pattern} in {text.strip()[:80]!r}"
            for text in reader.texts
            for pattern in PYTHON_LEAKS
            if pattern.search(text)
        }
    )


def test_a_dict_repr_and_a_stray_none_are_caught():
    assert leaks("<p>{'first_row_is_table_header': True}</p>")
    assert leaks('<img alt="None" src="x.png">')
    assert leaks("<p>{{ value.caption }}</p>")
    assert not leaks("<script>const a = {'b': None};</script><p>Class E starts at 1,200 ft</p>")


def test_every_demo_lesson_renders_without_python_for_a_premium_learner(client, demo_content):
    client.force_login(User.objects.get(email="premium@demo.test"))
    lessons = LessonPage.objects.live().specific()
    assert lessons.count() >= 10
    problems = {}
    for lesson in lessons:
        response = client.get(lesson.url)
        assert response.status_code == 200, lesson.url
        found = leaks(response.content.decode())
        if found:
            problems[lesson.url] = found
    assert problems == {}


def test_demo_tables_render_as_tables_with_their_header_row(client, demo_content):
    client.force_login(User.objects.get(email="premium@demo.test"))
    with_tables = [
        lesson
        for lesson in LessonPage.objects.live().specific()
        if any(block.block_type == "table" for block in lesson.body)
    ]
    assert len(with_tables) >= 5
    for lesson in with_tables:
        html = client.get(lesson.url).content.decode()
        assert "<table" in html, lesson.url
        assert "<th" in html, lesson.url
