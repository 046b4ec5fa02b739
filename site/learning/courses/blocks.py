"""StreamField blocks for lesson bodies.

Each block has a template under templates/learning/blocks/, an icon, a description and
a preview value for the editor's block picker. The gated section renders its content
only for viewers whose tier reaches the section's minimum (see access.py); everyone
else gets a call to action, and the hidden text never reaches the template.
"""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock

from accounts.tiers import Tier
from pages.blocks import FigureBlock, HeadingBlock, ParagraphBlock

from .access import AccessLevel, required_tier
from .highlight import LANGUAGE_CHOICES, highlight
from .video import parse_video_url

TEMPLATE_DIR = "learning/blocks"


class VideoBlock(blocks.StructBlock):
    """A YouTube/Vimeo link (click-to-load, no third-party requests before play) or an
    uploaded video file played with the browser's own player."""

    url = blocks.URLBlock(required=False, label="YouTube or Vimeo URL")
    file = DocumentChooserBlock(required=False, help_text="Or an uploaded MP4/WebM file.")
    title = blocks.CharBlock(max_length=160, help_text="Names the video for screen readers.")
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "media"
        template = f"{TEMPLATE_DIR}/video_block.html"
        description = "A YouTube or Vimeo video, or an uploaded video file."
        preview_value = {
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "Reading a sectional chart",
            "caption": "Class B, C and D boundaries on the Seattle sectional.",
        }

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if bool(value.get("url")) == bool(value.get("file")):
            errors["url"] = ValidationError("Give either a video URL or a video file, not both.")
        elif value.get("url") and parse_video_url(value["url"]) is None:
            errors["url"] = ValidationError("Use a YouTube or Vimeo video link.")
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["link"] = parse_video_url(value.get("url"))
        return context


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[
            ("note", "Note"),
            ("tip", "Tip"),
            ("warning", "Warning"),
            ("gouge", "Checkride gouge"),
        ],
        default="note",
    )
    title = blocks.CharBlock(required=False, max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "warning"
        template = f"{TEMPLATE_DIR}/callout_block.html"
        description = "A highlighted note, tip, warning or piece of checkride gouge."
        preview_value = {
            "kind": "gouge",
            "title": "Examiners love this one",
            "text": "<p>Be ready to explain <b>why</b> Class B has a 30 NM Mode C veil.</p>",
        }


class CodeBlock(blocks.StructBlock):
    """Code or raw aviation text (METAR, TAF), highlighted on the server by Pygments."""

    language = blocks.ChoiceBlock(choices=LANGUAGE_CHOICES, default="text")
    code = blocks.TextBlock(max_length=20_000)
    caption = blocks.CharBlock(required=False, max_length=160)

    class Meta:
        icon = "code"
        template = f"{TEMPLATE_DIR}/code_block.html"
        description = "Preformatted text or code with syntax highlighting."
        preview_value = {
            "language": "text",
            "code": "METAR KBFI 221653Z 16008KT 10SM FEW035 BKN250 12/06 A3002",
            "caption": "A routine METAR for Boeing Field",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["highlighted"] = highlight(value.get("code", ""), value.get("language"))
        return context


class LessonTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(required=False, max_length=160)
    table = TableBlock(table_options={"contextMenu": True, "startRows": 3, "startCols": 3})

    class Meta:
        icon = "table"
        template = f"{TEMPLATE_DIR}/table_block.html"
        description = "A table with an optional caption and header row."
        preview_value = {
            "caption": "VFR weather minimums below 10,000 ft MSL",
            "table": {
                "first_row_is_table_header": True,
                "data": [
                    ["Airspace", "Visibility", "Cloud clearance"],
                    ["Class B", "3 SM", "Clear of clouds"],
                    ["Class C", "3 SM", "500 below, 1,000 above, 2,000 horizontal"],
                ],
            },
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(max_length=1000)
    attribution = blocks.CharBlock(required=False, max_length=120)
    source = blocks.CharBlock(required=False, max_length=160, help_text="e.g. 14 CFR 91.103")

    class Meta:
        icon = "openquote"
        template = f"{TEMPLATE_DIR}/quote_block.html"
        description = "A quotation, such as a regulation or a handbook passage."
        preview_value = {
            "text": "The pilot in command of an aircraft is directly responsible for, and is "
            "the final authority as to, the operation of that aircraft.",
            "source": "14 CFR 91.3(a)",
        }


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=160, help_text="Defaults to the file's title."
    )
    description = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        template = f"{TEMPLATE_DIR}/document_block.html"
        description = "A file learners can download (PDF, checklist, worksheet)."


class KeyPointsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(default="Key points", max_length=120)
    points = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1)

    class Meta:
        icon = "list-ul"
        template = f"{TEMPLATE_DIR}/key_points_block.html"
        description = "A short list of takeaways to remember."
        preview_value = {
            "heading": "Key points",
            "points": [
                "Class B requires an ATC clearance, not just two-way radio contact.",
                "A student pilot needs a specific endorsement for Class B.",
            ],
        }


class LessonContentBlock(blocks.StreamBlock):
    """Everything a lesson body or a gated section may hold."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = FigureBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    code = CodeBlock()
    table = LessonTableBlock()
    quote = QuoteBlock()
    document = DocumentDownloadBlock()
    key_points = KeyPointsBlock()


class GatedSectionBlock(blocks.StructBlock):
    """Part of a lesson only some tiers may read; others see the title and a prompt."""

    min_tier = blocks.ChoiceBlock(
        choices=[
            (AccessLevel.REGISTERED.value, "Registered learners"),
            (AccessLevel.PREMIUM.value, "Premium members"),
        ],
        default=AccessLevel.PREMIUM.value,
        label="Visible to",
    )
    title = blocks.CharBlock(max_length=120, help_text="Shown to everyone, as a teaser.")
    content = LessonContentBlock()

    class Meta:
        icon = "lock"
        template = f"{TEMPLATE_DIR}/gated_section_block.html"
        description = "Content only registered learners or premium members can see."
        preview_value = {
            "min_tier": "premium",
            "title": "What the examiner will ask about this",
            "content": [
                (
                    "paragraph",
                    "<p>Expect a scenario: a flight from an uncontrolled field "
                    "through a Class C shelf.</p>",
                ),
            ],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # Fail closed: a render without a viewer tier (email, feeds) is a guest render.
        tier = (parent_context or {}).get("viewer_tier", Tier.GUEST)
        needed = required_tier(value.get("min_tier"))
        allowed = tier >= needed
        context.update(allowed=allowed, viewer_tier=tier, cta_tier=None if allowed else needed)
        if not allowed:
            context["self"] = context["value"] = {"title": value.get("title")}
        return context


class LessonBodyBlock(LessonContentBlock):
    gated_section = GatedSectionBlock()


class ListItemsBlock(blocks.StreamBlock):
    """A reorderable list of short lines (requirements, skills, objectives)."""

    item = blocks.CharBlock(max_length=250, form_classname="title")

    class Meta:
        icon = "list-ul"


def stream_text(stream_value, include_gated=False):
    """Plain text of a lesson body for the search index; gated sections are left out so
    a search never surfaces words from a section the searcher may not read."""
    parts = []
    for child in stream_value:
        if child.block_type == "gated_section" and not include_gated:
            continue
        parts.append(child.block.get_searchable_content(child.value))
    return " ".join(" ".join(map(str, part)) for part in parts)
