"""`highlight`: the words a reader searched for, marked in an element's or task's text;
`acs_task_url`: the task page a task or element code lives on (learning.acs.links)."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..links import task_url

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


@register.simple_tag
def acs_task_url(code, slug=None):
    """`{% acs_task_url "PA.I.C.K2a" %}` -> /acs/pa/pa.i.c/#PA.I.C.K2a ('' for a non-code)."""
    return task_url(code, slug)
