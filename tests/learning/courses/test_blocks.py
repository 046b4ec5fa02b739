"""Lesson blocks: each renders, validates editor input, and needs no network."""

from django.core.exceptions import ValidationError

import pytest

from accounts.tiers import Tier
from learning.courses.blocks import (
    CalloutBlock,
    CodeBlock,
    GatedSectionBlock,
    KeyPointsBlock,
    LessonBodyBlock,
    LessonTableBlock,
    QuoteBlock,
    VideoBlock,
)
from learning.courses.video import parse_video_url


@pytest.mark.parametrize(
    ("url", "provider", "video_id"),
    [
        ("https://www.youtube.com/watch?v=aBcDeFgHiJk", "youtube", "aBcDeFgHiJk"),
        ("https://youtu.be/aBcDeFgHiJk?t=30", "youtube", "aBcDeFgHiJk"),
        ("https://www.youtube.com/embed/aBcDeFgHiJk", "youtube", "aBcDeFgHiJk"),
        ("https://www.youtube.com/shorts/aBcDeFgHiJk", "youtube", "aBcDeFgHiJk"),
        ("https://vimeo.com/76979871", "vimeo", "76979871"),
        ("https://player.vimeo.com/video/76979871", "vimeo", "76979871"),
    ],
)
def test_youtube_and_vimeo_links_are_recognised(url, provider, video_id):
    link = parse_video_url(url)
    assert (link.provider, link.video_id) == (provider, video_id)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "javascript:alert(1)",
        "https://example.com/watch?v=aBcDeFgHiJk",
        "https://www.youtube.com/watch?v=short",
        'https://youtu.be/aBcDeFgHiJk"onload="x',
        "https://vimeo.com/channels/staffpicks",
        "ftp://vimeo.com/76979871",
    ],
)
def test_other_links_are_not_videos(url):
    assert parse_video_url(url) is None


def test_youtube_embeds_use_the_no_cookie_domain_and_load_only_on_click():
    html = VideoBlock().render(
        VideoBlock().to_python(
            {"url": "https://youtu.be/aBcDeFgHiJk", "title": "Steep turns", "caption": ""}
        )
    )
    assert "<iframe" not in html  # nothing from YouTube loads until the learner presses play
    assert 'data-video-embed="https://www.youtube-nocookie.com/embed/aBcDeFgHiJk' in html
    assert 'href="https://www.youtube.com/watch?v=aBcDeFgHiJk"' in html  # works without JS


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"url": "", "file": None, "title": "x"}, "either a video URL or a video file"),
        ({"url": "https://example.com/v.mp4", "file": None, "title": "x"}, "YouTube or Vimeo"),
    ],
)
def test_video_block_rejects_missing_or_foreign_sources(value, message):
    block = VideoBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(value))
    assert message in str(error.value.block_errors["url"])


def test_code_is_highlighted_on_the_server_and_escaped():
    block = CodeBlock()
    html = block.render(
        block.to_python({"language": "python", "code": "def f():\n    return '<b>'", "caption": ""})
    )
    assert '<span class="k">def</span>' in html
    assert "&lt;b&gt;" in html
    assert "<b>" not in html


def test_unknown_code_language_falls_back_to_plain_text():
    block = CodeBlock()
    html = block.render(block.to_python({"language": "cobol", "code": "METAR <KSEA> 1/2SM"}))
    assert "METAR &lt;KSEA&gt; 1/2SM" in html


@pytest.mark.parametrize(
    "block_class",
    [CalloutBlock, CodeBlock, LessonTableBlock, QuoteBlock, KeyPointsBlock, VideoBlock],
)
def test_every_block_renders_its_editor_preview_value(block_class):
    block = block_class()
    assert block.meta.description
    assert block.meta.icon
    html = block.render(block.to_python(block.meta.preview_value))
    assert html.strip()


def test_gated_section_without_a_viewer_renders_as_for_a_guest():
    """Renders outside a page (emails, feeds) must fail closed."""
    block = GatedSectionBlock()
    value = block.to_python(block.meta.preview_value)
    assert "Expect a scenario" not in block.render(value)
    assert "Expect a scenario" not in block.render(value, context={})
    assert "Expect a scenario" in block.render(value, context={"viewer_tier": Tier.PREMIUM})


def test_lesson_body_offers_every_block_the_issue_names():
    assert set(LessonBodyBlock.base_blocks) >= {
        "heading",
        "paragraph",
        "image",
        "video",
        "callout",
        "code",
        "table",
        "quote",
        "document",
        "key_points",
        "gated_section",
    }
