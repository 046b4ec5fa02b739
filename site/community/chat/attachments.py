"""What a chat attachment may be: a small image or document, its type read from its
first bytes (never from the name or the browser's Content-Type, both of which the
sender controls). The stored name is rebuilt from the sniffed type, so a "photo.html"
that is really a PNG is kept as a .png and served as one.
"""

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import get_valid_filename

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
SNIFF_BYTES = 2048
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
    DOCX: ".docx",
}
ALLOWED = "PNG, JPEG, GIF or WebP images, or PDF, TXT or DOCX documents"


@dataclass(frozen=True)
class Checked:
    """An accepted upload: its sniffed type, a safe display name and its size."""

    content_type: str
    name: str
    size: int


def max_bytes():
    return getattr(settings, "CHAT_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def is_docx(file):
    """A DOCX is a zip holding word/document.xml; any other zip is refused."""
    file.seek(0)
    try:
        with zipfile.ZipFile(io.BytesIO(file.read())) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def is_text(file):
    file.seek(0)
    data = file.read()
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def sniff(file):
    """The content type of `file` from its bytes, or None when it is none we accept."""
    file.seek(0)
    head = file.read(SNIFF_BYTES)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"PK\x03\x04"):
        return DOCX if is_docx(file) else None
    if head and is_text(file):
        return "text/plain"
    return None


def display_name(original, content_type):
    """The sender's file name, made safe, with the extension of its real type."""
    stem = PurePath(str(original or "")).stem[:100]
    stem = get_valid_filename(stem) if stem.strip(" ._") else ""
    return f"{stem or 'attachment'}{EXTENSIONS[content_type]}"


def validate(file):
    """Check an uploaded file; returns Checked or raises ValidationError with a message
    the sender can act on. The file is left at its start for saving."""
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, io.SEEK_END)
        size = file.tell()
    if size == 0:
        raise ValidationError("The attached file is empty.")
    limit = max_bytes()
    if size > limit:
        raise ValidationError(
            f"The attached file is too large ({size / 1048576:.1f} MB); "
            f"the limit is {limit / 1048576:.0f} MB."
        )
    content_type = sniff(file)
    file.seek(0)
    if content_type is None:
        raise ValidationError(f"This kind of file cannot be attached. Attach {ALLOWED}.")
    return Checked(content_type, display_name(getattr(file, "name", ""), content_type), size)
