"""Which guest requests the page cache may answer, and the key each one is kept under.

A request qualifies only when nothing about it can make the page personal: no session
or messages cookie, no Authorization header, not a JavaScript fetch (those get JSON
fragments from the same address), GET or HEAD, and not under a path that is never
cached. Its query string must hold only parameters a guest page reads (they go into
the key) or tracking parameters (dropped before the view runs, so the page rendered
for a campaign link is the one everyone gets). Any other parameter is a bypass: a view
might read it, and keying without it could serve one variant of a page for another.
"""

import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import DisallowedHost
from django.http import QueryDict

SAFE_METHODS = frozenset({"GET", "HEAD"})
# Signed-in areas, uploads and probes: never worth caching, some never safe to.
NEVER_CACHED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/accounts/",
    "/api/",
    "/documents/",
    "/private-media/",
    "/media/",
    "/static/",
    "/_util/",
    "/healthz",
    "/livez",
    "/readyz",
)
# Parameters some guest page reads: the catalog, search, category and examiner
# listings (q, category, level, access, sort, region, certificate, page) and the ACS
# standard page (q, task).
KEYED_PARAMS = frozenset(
    {"page", "q", "category", "level", "access", "sort", "region", "certificate", "task"}
)
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid"})
GENERATION_KEY = "page-cache:generation"
ENTRY_PREFIX = "page-cache:entry:"


def is_tracking(name):
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def qualifies(request):
    """Whether the request is a plain guest GET/HEAD of a cacheable path."""
    if request.method not in SAFE_METHODS:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META or "HTTP_X_REQUESTED_WITH" in request.META:
        return False
    excluded = NEVER_CACHED_PREFIXES + tuple(settings.PAGE_CACHE_EXCLUDE)
    return not request.path_info.startswith(excluded)


def keyed_query(request):
    """The query without tracking parameters, or None when it holds an unknown one."""
    kept = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        if name in KEYED_PARAMS:
            kept.setlist(name, values)
        elif not is_tracking(name):
            return None
    return kept


def entry_key(request, query):
    """host + scheme + path + the kept parameters (sorted), hashed to a fixed length.
    None for a Host header the site does not serve (Django answers that with a 400)."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    params = sorted((name, value) for name, values in query.lists() for value in values)
    scheme = "https" if request.is_secure() else "http"
    identity = repr((scheme, host, request.path, params))
    return ENTRY_PREFIX + hashlib.sha256(identity.encode()).hexdigest()
