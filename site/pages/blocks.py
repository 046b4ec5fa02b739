"""StreamField blocks shared by every page type (lesson-specific blocks live in courses)."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from wagtail import blocks

from .images import ShareableImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the document outline correct for screen readers."""

    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "Level 2"), ("h3", "Level 3")], default="h2")

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"
        description = "A heading that starts a new section."
        preview_value = {"text": "Class B airspace at a glance", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "components/blocks/paragraph_block.html"
        description = "Formatted text with links and lists."
        preview_value = (
            "<p>Before every flight, a pilot must become familiar with "
            "<b>all available information</b> concerning that flight (14 CFR 91.103).</p>"
        )


class FigureBlock(blocks.StructBlock):
    """An image with a caption; the image carries its own alt text (Wagtail ImageBlock)."""

    image = ShareableImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/blocks/figure_block.html"
        description = "An image with alt text and an optional caption."


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()


def validate_link_url(value):
    """A web address, a path on this site ("/search/"), or a mailto:/tel: link.

    Anything else (javascript:, data:, protocol-relative //host) is refused: a menu link
    is rendered on every page, so it must never be able to run script.
    """
    if value.startswith("/") and not value.startswith("//"):
        return
    if value.startswith(("mailto:", "tel:")) and len(value) > len("mailto:"):
        return
    URLValidator(
        schemes=["http", "https"],
        message="Enter a full web address (https://...), a path on this site "
        "starting with /, or a mailto: or tel: link.",
    )(value)


class LinkTargetBlock(blocks.StructBlock):
    """Where a link goes: a page on this site or a URL, never both, never neither."""

    page = blocks.PageChooserBlock(required=False)
    url = blocks.CharBlock(
        label="URL",
        required=False,
        max_length=500,
        validators=[validate_link_url],
        help_text="Only when the link goes somewhere that is not a page: "
        "https://..., /search/ or mailto:...",
    )

    def clean(self, value):
        value = super().clean(value)
        page, url = value.get("page"), value.get("url")
        if page and url:
            error = {"url": ValidationError("Choose a page or enter a URL, not both.")}
        elif not page and not url:
            error = {"page": ValidationError("Choose a page or enter a URL.")}
        else:
            return value
        raise blocks.StructBlockValidationError(block_errors=error)
