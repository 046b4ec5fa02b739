"""Message bodies as HTML: plain text, web links made clickable, everything else
escaped, line breaks kept.

Only http(s) links and "www." addresses become links (never javascript: or data:),
trailing punctuation stays outside the link, and the link text is the escaped address
itself, so a message cannot disguise where a link goes.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

LINK = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'`]+")
TRAILING = ".,;:!?)]}'\""


def split_link(found):
    """The link and the punctuation after it ("see https://x.test/a)." -> link, ").")."""
    link = found.rstrip(TRAILING)
    # Keep a closing parenthesis that closes one opened inside the link (Wikipedia).
    rest = found[len(link) :]
    while rest.startswith(")") and link.count("(") > link.count(")"):
        link, rest = link + ")", rest[1:]
    return link, rest


def anchor(link):
    href = link if "://" in link else f"https://{link}"
    return f'<a href="{escape(href)}" rel="nofollow ugc noopener noreferrer">{escape(link)}</a>'


def render(text):
    """The HTML for a message body (safe to put into a page as is)."""
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n")
    parts = []
    position = 0
    for match in LINK.finditer(text):
        link, rest = split_link(match.group(0))
        parts.append(escape(text[position : match.start()]))
        parts.append(anchor(link) if len(link) > 4 else escape(link))
        parts.append(escape(rest))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts).replace("\n", "<br>"))  # noqa: S308 - every piece escaped above
