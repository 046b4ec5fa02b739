"""Message bodies are plain text: links clickable, everything else escaped."""

from django.template import Context, Template

import pytest

from community.chat.text import render

XSS = [
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    '"><svg onload=alert(1)>',
    'https://ok.test/"onmouseover=alert(1)',
    "https://ok.test/<script>",
]


@pytest.mark.parametrize("payload", XSS)
def test_markup_is_escaped(payload):
    html = render(payload)
    assert "<script" not in html
    assert "<img" not in html
    assert "<svg" not in html
    assert 'href="javascript' not in html
    assert 'onmouseover=alert(1)"' not in html or "&quot;" in html


def test_links_become_anchors_and_punctuation_stays_out():
    html = render("See https://faa.gov/airspace. Or (www.aopa.org)!")
    assert '<a href="https://faa.gov/airspace" rel="nofollow ugc noopener noreferrer">' in html
    assert "https://faa.gov/airspace</a>." in html
    assert '<a href="https://www.aopa.org"' in html
    assert "www.aopa.org</a>)!" in html


def test_parenthesis_inside_a_link_is_kept():
    html = render("https://en.wikipedia.org/wiki/Class_B_(airspace)")
    assert 'href="https://en.wikipedia.org/wiki/Class_B_(airspace)"' in html


def test_newlines_are_kept_and_ampersands_escaped():
    assert render("one\r\ntwo & three\nfour") == "one<br>two &amp; three<br>four"


def test_query_strings_are_escaped_inside_the_href():
    html = render("https://x.test/?a=1&b=<2>")
    assert 'href="https://x.test/?a=1&amp;b=' in html
    assert "<2>" not in html


def test_the_template_filter_escapes_and_links():
    template = Template("{% load chat_text %}{{ body|chat_text }}")
    html = template.render(Context({"body": "<b>hi</b> https://x.test"}))
    assert (
        html
        == '&lt;b&gt;hi&lt;/b&gt; <a href="https://x.test" rel="nofollow ugc noopener noreferrer">https://x.test</a>'
    )
