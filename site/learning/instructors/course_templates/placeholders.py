"""Block placeholders: what each lesson block of a new course holds until its author
writes the real thing. Every prompt starts with "Replace:", so an author (and a search
of the draft) finds what is left to do; blocks that need a chosen file (image,
video, document) start empty, and Wagtail's editor asks for the file before the lesson
can be published. Only lesson block types (learning.courses.blocks.LessonBodyBlock)
are known here, so a template never names a block the lesson body cannot hold."""

import copy

from learning.courses.blocks import LessonBodyBlock

PROMPT = "Replace:"


def _rich(text):
    return f"<p>{PROMPT} {text}</p>"


PLACEHOLDERS = {
    "heading": {"text": f"{PROMPT} section heading", "level": "h2"},
    "paragraph": _rich("explain the objective of this part of the lesson."),
    "image": {"image": None, "caption": f"{PROMPT} caption for the figure"},
    "video": {"url": "", "file": None, "title": f"{PROMPT} video title", "caption": ""},
    "callout": {"kind": "note", "title": f"{PROMPT} callout title", "text": _rich("the note.")},
    "code": {"language": "text", "code": f"{PROMPT} METAR, TAF or other text", "caption": ""},
    "table": {
        "caption": f"{PROMPT} table caption",
        "table": {
            "first_row_is_table_header": True,
            "data": [[f"{PROMPT} heading", "", ""], ["", "", ""]],
        },
    },
    "quote": {"text": f"{PROMPT} the quotation", "attribution": "", "source": ""},
    "document": {"document": None, "title": f"{PROMPT} file title", "description": ""},
    "key_points": {"heading": "Key points", "points": [f"{PROMPT} first takeaway"]},
    "gated_section": {
        "min_tier": "premium",
        "title": f"{PROMPT} teaser title shown to everyone",
        "content": [{"type": "paragraph", "value": _rich("what only members read.")}],
    },
}

BODY_BLOCK = LessonBodyBlock()
BLOCK_TYPES = tuple(BODY_BLOCK.child_blocks)


def placeholder(block_type):
    """The placeholder value for a lesson block type (a fresh copy each time)."""
    return copy.deepcopy(PLACEHOLDERS[block_type])


def missing_placeholders():
    """Lesson block types without a placeholder (a test keeps this empty)."""
    return sorted(set(BLOCK_TYPES) - set(PLACEHOLDERS))
