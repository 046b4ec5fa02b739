"""Reading an FAA ACS: `pdf.read_pages` gets a PDF's text, `parser.parse_pages` the tree;
`jsonfile` writes that tree as the JSON the site ships and reads it back.

The PDF reading and the parsing are kept apart so the parser, where all the PDF's quirks
are handled, can be tested on a few lines of text instead of the 87-page document.
"""

from pathlib import Path

from .jsonfile import SHIPPED, dumps, loads
from .parser import AcsParseError, parse_pages
from .pdf import read_pages


def read_standard(path):
    """The ParsedStandard in the file at `path`: a .json file we wrote, else an ACS PDF."""
    path = Path(path)
    if path.suffix.lower() != ".json":
        return parse_pages(read_pages(path))
    if not path.is_file():
        raise AcsParseError(f"No such file: {path}")
    return loads(path.read_text(encoding="utf-8"))


__all__ = [
    "SHIPPED",
    "AcsParseError",
    "dumps",
    "loads",
    "parse_pages",
    "read_pages",
    "read_standard",
]
