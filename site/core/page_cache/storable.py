"""Whether a rendered response is the same for every guest, and what of it to keep.

Stored: GET 200 responses with a body in memory that set no cookie (a CSRF token or a
new session means the page is tied to this visitor), were not rendered for a signed-in
user or in preview, that caches may keep (no private/no-store/no-cache), that vary on
nothing but Cookie and Accept-Encoding, that are not compressed per client, and not
larger than PAGE_CACHE_MAX_BYTES. Redirects and 404s are not stored: they are cheap to
answer, and caching them would let anyone fill the cache with made-up addresses.
"""

from django.conf import settings
from django.utils.cache import cc_delim_re

UNCACHEABLE_DIRECTIVES = frozenset({"private", "no-store", "no-cache", "max-age=0"})
HARMLESS_VARY = frozenset({"cookie", "accept-encoding"})
# Recomputed on every answer (or by the server), or said per request.
NOT_KEPT_HEADERS = frozenset({"content-length", "date", "set-cookie", "x-page-cache"})


def is_storable(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if response.has_header("Content-Encoding"):
        return False
    directives = {d.strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    if directives & UNCACHEABLE_DIRECTIVES:
        return False
    varies = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
    if not varies <= HARMLESS_VARY:
        return False
    return len(response.content) <= settings.PAGE_CACHE_MAX_BYTES


def headers_to_keep(response):
    return [
        (name, value) for name, value in response.items() if name.lower() not in NOT_KEPT_HEADERS
    ]
