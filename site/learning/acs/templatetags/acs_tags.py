"""`highlight`: the words a reader searched for, marked in an element's or task's text."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def highlight(text, terms):
    """`text` escaped, each occurrence of a search term (any case) wrapped in <mark>."""
    if not terms:
        return text
    words = sorted(terms, key=len, reverse=True)  # "metars" before "metar"
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above
