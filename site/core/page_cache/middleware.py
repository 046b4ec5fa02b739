"""Serve guest pages from the cache; store the ones that are the same for every guest.

It sits after WhiteNoise and before SessionMiddleware (and before the site's cache
policy), so a hit returns before a session, user or database is touched, and a miss
sees the final response: cookies set by the session, CSRF and messages middleware, and
the Cache-Control the policy chose. A hit costs one cache round trip (`get_many` of the
entry and the generation) and no template rendering.

Every response says what happened in `X-Page-Cache`: `hit`, `miss` (rendered; stored
when it qualified) or `bypass` (the request may not use the cache at all).
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, QueryDict

from .keys import GENERATION_KEY, entry_key, keyed_query, qualifies
from .purge import current_generation
from .storable import headers_to_keep, is_storable

HEADER = "X-Page-Cache"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self._key(request) if settings.PAGE_CACHE_ENABLED else None
        if key is None:
            response = self.get_response(request)
            response[HEADER] = "bypass"
            return response
        found = cache.get_many([key, GENERATION_KEY])
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if entry is not None and generation is not None and entry[0] == generation:
            return self._from_entry(entry)
        # Read before rendering: a purge while the page renders then makes this copy
        # stale at once instead of letting it outlive the change.
        generation = generation or current_generation()
        response = self.get_response(request)
        if is_storable(request, response):
            stored = (generation, response.content, headers_to_keep(response))
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
        response[HEADER] = "miss"
        return response

    @staticmethod
    def _key(request):
        """The entry key, or None to bypass. Tracking parameters are taken off the
        request here, so the view renders (and the cache keeps) the page without them."""
        if not qualifies(request):
            return None
        query = keyed_query(request)
        if query is None:
            return None
        key = entry_key(request, query)
        if key is not None and len(query) != len(request.GET):
            cleaned = query.urlencode()
            request.META["QUERY_STRING"] = cleaned
            request.GET = QueryDict(cleaned)
        return key

    @staticmethod
    def _from_entry(entry):
        _generation, content, headers = entry
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(content))
        response[HEADER] = "hit"
        return response
