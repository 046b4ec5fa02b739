"""Images the site may show on pages, snippets and settings: never a learner's private
card picture.

Card pictures are Wagtail images kept private by their file name (core/storage.py).
Wagtail's choosers list only the collections an editor may use, but the server accepts
any image id, so an editor could post a draft naming a learner's picture and publish it.
Every image field (limit_choices_to=core.storage.shareable_images) and block that the
public site renders refuses them.
"""

from django.core.exceptions import ValidationError

from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

from core.storage import is_public_name

PRIVATE_PICTURE = "This picture belongs to a learner's flashcards; it cannot be shown on the site."


class ShareableImageBlock(ImageBlock):
    """Wagtail's ImageBlock (image with alt text), refusing private card pictures."""

    def clean(self, value):
        value = super().clean(value)
        if value is not None and not is_public_name(value.file.name):
            raise StructBlockValidationError(
                block_errors={"image": ValidationError(PRIVATE_PICTURE)}
            )
        return value
