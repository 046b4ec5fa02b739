"""Reading an FAA ACS PDF: `pdf.read_pages` gets the text, `parser.parse_pages` the tree.

The two are kept apart so the parser, where all the PDF's quirks are handled, can be
tested on a few lines of text instead of the 87-page document.
"""

from .parser import AcsParseError, parse_pages
from .pdf import read_pages

__all__ = ["AcsParseError", "parse_pages", "read_pages"]
