"""The heroicons template tags, each distinct icon built once per process.

The library parses its SVG, copies the element tree and serialises it again on every
call; a course page shows dozens of icons (locks, checks, stars, menu), and that was a
fifth of its rendering time. The output depends only on the arguments, so it is kept.
Templates `{% load icons %}` and use the library's own tag names and arguments;
tests/architecture checks that no template loads the slower `heroicons` library.
"""

from django import template
from django.utils.safestring import SafeString, mark_safe

import heroicons

register = template.Library()
_rendered = {}
MAX_ICONS = 512  # distinct (style, name, size, attributes); a page uses a few dozen


def _render_icon(style, name, size, attrs):
    # Attributes parsed by simple_tag arrive as SafeString; the library escapes them.
    plain = {
        key: (value + "" if isinstance(value, SafeString) else value)
        for key, value in attrs.items()
    }
    try:
        key = (style, name, size, tuple(sorted(plain.items())))
        hash(key)
    except TypeError:  # an unhashable attribute value: build it, do not keep it
        return mark_safe(heroicons._render_icon(style, name, size, plain))  # noqa: S308
    svg = _rendered.get(key)
    if svg is None:
        svg = heroicons._render_icon(style, name, size, plain)
        if len(_rendered) < MAX_ICONS:
            _rendered[key] = svg
    return mark_safe(svg)  # noqa: S308 (the library's own markup, attributes escaped)


@register.simple_tag
def heroicon_micro(name, *, size=16, **attrs):
    return _render_icon("micro", name, size, attrs)


@register.simple_tag
def heroicon_mini(name, *, size=20, **attrs):
    return _render_icon("mini", name, size, attrs)


@register.simple_tag
def heroicon_outline(name, *, size=24, **attrs):
    return _render_icon("outline", name, size, attrs)


@register.simple_tag
def heroicon_solid(name, *, size=24, **attrs):
    return _render_icon("solid", name, size, attrs)
