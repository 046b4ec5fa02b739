"""What a course template's `template_data` may hold, checked before it is saved and
again before a course is built from it (a template written straight into the database
is not trusted either):

    {"modules": [{"title": ..., "lessons": [{"title": ..., "summary": ...,
        "access_level": "registered", "blocks": [{"type": "paragraph", "value": ...}]}]}]}

Module and lesson titles are required; a lesson's access level is one of the lesson
page's; each block type must be one LessonBodyBlock holds; a block's value may be left
out (its placeholder is used) and otherwise must read as that block's value. Sizes are
capped so a template cannot build a tree nobody asked for."""

import json

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder

from wagtail import blocks

from learning.courses.access import AccessLevel

from .placeholders import BLOCK_TYPES, BODY_BLOCK, placeholder

MAX_MODULES = 40
MAX_LESSONS = 60  # per module
MAX_BLOCKS = 40  # per lesson
MAX_BYTES = 256 * 1024
TITLE_LENGTH = 255
SUMMARY_LENGTH = 500


def _title(value, where, problems):
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: a title is required.")
        return ""
    if len(value.strip()) > TITLE_LENGTH:
        problems.append(f"{where}: the title is longer than {TITLE_LENGTH} characters.")
    return value.strip()


def _block(raw, where, problems):
    if not isinstance(raw, dict) or raw.get("type") not in BLOCK_TYPES:
        kind = raw.get("type") if isinstance(raw, dict) else raw
        problems.append(
            f"{where}: {kind!r} is not a lesson block (use one of {', '.join(BLOCK_TYPES)})."
        )
        return None
    value = raw.get("value")
    if value is None:
        value = placeholder(raw["type"])
    block = BODY_BLOCK.child_blocks[raw["type"]]
    shape = str if isinstance(block, blocks.RichTextBlock) else dict
    try:
        if not isinstance(value, shape):
            raise TypeError(value)
        json.dumps(block.get_prep_value(block.to_python(value)), cls=DjangoJSONEncoder)
    except Exception:  # any malformed value is the author's typo: reported, not raised
        problems.append(f"{where}: the value is not a valid {raw['type']} block.")
        return None
    return {"type": raw["type"], "value": value}


def _lesson(raw, where, problems):
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected an object with a title.")
        return None
    summary = raw.get("summary") or ""
    if not isinstance(summary, str) or len(summary) > SUMMARY_LENGTH:
        problems.append(f"{where}: the summary must be text of at most {SUMMARY_LENGTH}.")
    access = raw.get("access_level") or AccessLevel.REGISTERED.value
    if access not in AccessLevel.values:
        problems.append(f"{where}: access level must be one of {', '.join(AccessLevel.values)}.")
    blocks = raw.get("blocks") or []
    if not isinstance(blocks, list) or len(blocks) > MAX_BLOCKS:
        problems.append(f"{where}: blocks must be a list of at most {MAX_BLOCKS}.")
        blocks = []
    return {
        "title": _title(raw.get("title"), where, problems),
        "summary": summary.strip() if isinstance(summary, str) else "",
        "access_level": access,
        "blocks": [
            _block(block, f"{where}, block {n}", problems) for n, block in enumerate(blocks, 1)
        ],
    }


def validate_template_data(data):
    """The normalized template data; raises ValidationError listing every problem."""
    if len(json.dumps(data, default=str)) > MAX_BYTES:
        raise ValidationError(f"The template is larger than {MAX_BYTES // 1024} KB.")
    modules = data.get("modules") if isinstance(data, dict) else None
    if not isinstance(modules, list) or not modules:
        raise ValidationError('The template needs a "modules" list with at least one module.')
    if len(modules) > MAX_MODULES:
        raise ValidationError(f"A template holds at most {MAX_MODULES} modules.")
    problems, cleaned = [], []
    for m, module in enumerate(modules, 1):
        where = f"Module {m}"
        if not isinstance(module, dict):
            problems.append(f"{where}: expected an object with a title and lessons.")
            continue
        lessons = module.get("lessons") or []
        if not isinstance(lessons, list) or len(lessons) > MAX_LESSONS:
            problems.append(f"{where}: lessons must be a list of at most {MAX_LESSONS}.")
            lessons = []
        cleaned.append(
            {
                "title": _title(module.get("title"), where, problems),
                "lessons": [
                    _lesson(lesson, f"{where}, lesson {n}", problems)
                    for n, lesson in enumerate(lessons, 1)
                ],
            }
        )
    if problems:
        raise ValidationError(problems)
    return {"modules": cleaned}
