"""StreamField blocks shared by every page type (lesson-specific blocks live in courses)."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


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

    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/blocks/figure_block.html"
        description = "An image with alt text and an optional caption."


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
