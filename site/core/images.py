"""Pictures people upload are re-drawn by Pillow before they are stored.

A file can be a valid image and something else at once: a GIF followed by HTML passes
Pillow's check, and a browser or proxy that sniffs content may then run the HTML from
our domain. Re-encoding keeps only the pixels (first frame, upright, metadata such as
GPS position dropped) in a name we choose, so what is stored is exactly a picture.
"""

from io import BytesIO
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from PIL import Image, ImageOps, UnidentifiedImageError

UNREADABLE = "That file is not a picture we can read; please choose a JPEG, PNG or WebP image."
TOO_LARGE = "The picture has too many pixels; please choose one under 40 megapixels."
# Decoding costs about 4 bytes a pixel: a small compressed file can claim 170 million
# pixels (Pillow only refuses beyond that), so anything this large is refused unread.
MAX_PIXELS = 40_000_000


def reencode_image(upload, max_side):
    """A new JPEG (or PNG, when the picture has transparency) at most `max_side` pixels
    on its longer side, under a random name; ValidationError when it is no picture."""
    try:
        upload.seek(0)
        with Image.open(upload) as source:
            if source.width * source.height > MAX_PIXELS:
                raise ValidationError(TOO_LARGE)
            source.draft("RGB", (max_side, max_side))  # JPEG: decode at a fraction of size
            source.seek(0)
            picture = ImageOps.exif_transpose(source)
            picture.thumbnail((max_side, max_side))
            transparent = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
            picture = picture.convert("RGBA" if transparent else "RGB")
            buffer = BytesIO()
            if transparent:
                picture.save(buffer, "PNG", optimize=True)
            else:
                picture.save(buffer, "JPEG", quality=88, optimize=True)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(UNREADABLE) from error
    extension, content_type = ("png", "image/png") if transparent else ("jpg", "image/jpeg")
    return SimpleUploadedFile(f"{uuid4().hex}.{extension}", buffer.getvalue(), content_type)
