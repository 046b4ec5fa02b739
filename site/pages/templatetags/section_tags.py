"""`{% home_sections page %}`: the sections of a home or landing page, each rendered once
per content change (pages.section_cache) instead of on every request.

Sections are read from the stream's raw data and converted only on a miss: converting
the whole stream loads every chosen page, snippet and image, the queries the cache is
there to save. The stats strip is left out of the cache (its counts follow sign-ups and
have their own short-lived cache in home_blocks.site_stats).
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..section_cache import cache_key, cached_html, can_cache

register = template.Library()

PROSE_BLOCKS = {"heading", "paragraph"}
LIVE_BLOCKS = {"stats"}


def render_section(context, stream, index):
    child = stream[index]
    values = context.flatten()
    values["block"] = child  # section templates name their headings after block.id
    html = child.render_as_block(context=values)
    if child.block_type in PROSE_BLOCKS:
        return format_html('<div class="prose">{}</div>', html)
    return html


@register.simple_tag(takes_context=True)
def home_sections(context, page):
    request = context.get("request")
    stream = page.body
    cacheable = can_cache(request) and page.pk is not None
    host = request.get_host() if cacheable else ""
    parts = []
    for index, raw in enumerate(stream.raw_data):
        if not cacheable or raw["type"] in LIVE_BLOCKS:
            parts.append(str(render_section(context, stream, index)))
            continue
        key = cache_key("section", host, page.pk, index, raw.get("id"))
        parts.append(cached_html(key, lambda index=index: render_section(context, stream, index)))
    return mark_safe("".join(parts))  # noqa: S308 - each part was rendered by a template


class ListingCacheNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist = nodelist
        self.parts = parts

    def render(self, context):
        request = context.get("request")
        if not can_cache(request):
            return self.nodelist.render(context)
        parts = [part.resolve(context) for part in self.parts]
        key = cache_key("fragment", request.get_host(), *parts)
        return cached_html(key, lambda: self.nodelist.render(context))


@register.tag
def listingcache(parser, token):
    """`{% listingcache "name" page.pk %}...{% endlistingcache %}`: a fragment that shows
    no per-viewer state, cached like the sections (the arguments tell fragments apart)."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("listingcache needs a name for the fragment")
    nodelist = parser.parse(("endlistingcache",))
    parser.delete_first_token()
    return ListingCacheNode(nodelist, [parser.compile_filter(bit) for bit in bits])
