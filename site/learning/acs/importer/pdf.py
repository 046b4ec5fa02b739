"""Text out of an ACS PDF with pypdf, one string per page.

pypdf raises many different exception types on damaged files (and sometimes plain
ValueError or KeyError), so everything it raises while reading becomes one AcsParseError
with a message an operator can act on.
"""

import logging
from pathlib import Path

from pypdf import PdfReader

from .parser import AcsParseError

logging.getLogger("pypdf").setLevel(logging.ERROR)  # warnings about odd fonts are noise here

PDF_MAGIC = b"%PDF-"
PDF_END = b"%%EOF"
TAIL = 2048


def read_pages(path):
    """The text of each page of the PDF at `path`."""
    path = Path(path)
    if not path.is_file():
        raise AcsParseError(f"No such file: {path}")
    with path.open("rb") as handle:
        head = handle.read(1024)
        handle.seek(max(0, path.stat().st_size - TAIL))
        tail = handle.read()
    if PDF_MAGIC not in head:
        raise AcsParseError(f"{path.name} is not a PDF file.")
    if PDF_END not in tail:
        # pypdf would rebuild a cut-off file from what is left and hand back part of the
        # document, which a complete import would then take as the whole standard.
        raise AcsParseError(f"{path.name} is truncated: the PDF has no end-of-file marker.")
    try:
        reader = PdfReader(path)
        return [page.extract_text() or "" for page in reader.pages]
    except Exception as error:  # pypdf's error types are not a stable API
        raise AcsParseError(
            f"{path.name} could not be read as a PDF (damaged or truncated?): {error}"
        ) from error
