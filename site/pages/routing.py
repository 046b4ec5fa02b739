"""Wagtail's page routing from a cache: one query per page view instead of one per level.

Wagtail finds a page by looking up the Site (one query), the site's root page (two) and
each path segment below it (two per level), then the page's ancestors for aliases and
their view restrictions (two more): eleven queries for a lesson before any of its own.
The result of that walk depends only on the tree, so `serve` remembers it per host,
path and content generation (pages.content_generation): the Site, the page's type and
id, the view restrictions that apply to it and its breadcrumb trail. A repeat visit
then costs one query, the page itself, read with what its template needs
(`routing_queryset`).

Wagtail still does the first walk, so its rules hold exactly: unpublished pages 404,
aliases and the redirects app work, and a route is only remembered when every page on
the way uses Wagtail's own `route()` (a page with custom routing is routed by Wagtail
every time). Restricted pages keep their login or password prompt: their restrictions
are read fresh on each request, only the knowledge of which ones apply is cached.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from .content_generation import ENTRY_SECONDS, content_generation

# The same paths Wagtail's own serve pattern takes, less its `_util/` views.
SERVE_PATTERN = r"^(?!_util/)((?:[\w\-]+/)*)$"
CRUMBS_ATTR = "_routed_crumbs"
RESTRICTIONS_ATTR = "_routed_restriction_ids"


@dataclass(frozen=True)
class Crumb:
    """A page on the way to the one served (Home > Courses > ... > the page itself),
    as plain data: enough for links, the breadcrumb JSON-LD and finding the course."""

    pk: int
    title: str
    url: str
    full_url: str
    path: str
    depth: int
    model: str  # app_label.modelname of the specific page type

    @property
    def id(self):
        return self.pk

    def get_full_url(self, request=None):
        return self.full_url


@dataclass(frozen=True)
class RouteEntry:
    site: Site
    content_type_id: int
    page_id: int
    restriction_ids: tuple
    crumbs: tuple


def serve(request, path):
    """Wagtail's serve view, with the route taken from the cache when it is there."""
    from wagtail.views import serve as wagtail_serve  # loads models: not at import time

    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        _route_with_cache(request, path)
    return wagtail_serve(request, path)


def site_for_request(request):
    """Site.find_for_request, with the host's Site kept in the cache per content
    generation (which a Site save renews): views outside the page tree (dashboard,
    flashcards, notes) read the site branding, and Wagtail's lookup is a query each time.
    Wagtail memoises its answer on the request in the same attribute, so everything
    after this (settings, pageurl) reuses it."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    try:
        where = f"{request._get_raw_host()}|{request.get_port()}"
    except Exception:
        return Site.find_for_request(request)
    digest = hashlib.blake2b(where.encode(), digest_size=16).hexdigest()
    key = f"site-for:{content_generation()}:{digest}"
    site = cache.get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            cache.set(key, Site.objects.get(pk=site.pk), ENTRY_SECONDS)
        return site
    request._wagtail_site = site
    return site


def _route_key(request, path, generation):
    where = f"{request._get_raw_host()}|{request.get_port()}|{path}"
    return f"route:{generation}:{hashlib.blake2b(where.encode(), digest_size=16).hexdigest()}"


def _route_with_cache(request, path):
    key = _route_key(request, path, content_generation())
    entry = cache.get(key)
    if entry is not None and _restore(request, entry):
        return
    result = Page.route_for_request(request, path)  # Wagtail's walk, kept on the request
    entry = _entry_for(request, result)
    if entry is not None:
        cache.set(key, entry, ENTRY_SECONDS)
        _attach(result.page, entry)


def _restore(request, entry):
    model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
    if model is None:
        return False
    queryset = getattr(model, "routing_queryset", model.objects.all)()
    page = queryset.filter(pk=entry.page_id, live=True).first()
    if page is None:  # gone since; the generation will say so too, but never trust it
        return False
    _attach(page, entry)
    request._wagtail_site = entry.site
    request._wagtail_route_for_request = RouteResult(page)
    return True


def _attach(page, entry):
    setattr(page, CRUMBS_ATTR, entry.crumbs)
    setattr(page, RESTRICTIONS_ATTR, entry.restriction_ids)


def _entry_for(request, result):
    """What to remember of Wagtail's route, or None when it must not be remembered."""
    if result is None or result.args or result.kwargs:
        return None
    page = result.page
    site = Site.find_for_request(request)
    ancestors = list(Page.objects.ancestor_of(page, inclusive=True).select_related("content_type"))
    routers = [a.content_type.model_class() for a in ancestors if a.depth >= 2]
    if any(model is None or model.route is not Page.route for model in routers):
        return None
    return RouteEntry(
        site=Site.objects.get(pk=site.pk),  # a clean copy: no cached root page to pickle
        content_type_id=page.content_type_id,
        page_id=page.pk,
        restriction_ids=tuple(Page.get_view_restrictions(page).values_list("pk", flat=True)),
        crumbs=crumbs_from(ancestors, request),
    )


def crumbs_from(ancestors, request):
    """Crumbs for the pages below the tree's invisible root, in tree order."""
    return tuple(
        Crumb(
            pk=page.pk,
            title=page.title,
            url=page.get_url(request),
            full_url=page.get_full_url(request),
            path=page.path,
            depth=page.depth,
            model=page.content_type.model_class()._meta.label_lower,
        )
        for page in ancestors
        if page.depth > 1
    )


def crumbs_for(page, request):
    """The breadcrumb trail of `page`: from its route when it was routed from the cache,
    else read from the tree (previews, pages served before the route was cached)."""
    crumbs = getattr(page, CRUMBS_ATTR, None)
    if crumbs is not None:
        return crumbs
    if not page.path:  # not placed in the tree (Wagtail places previews of new pages)
        return ()
    ancestors = Page.objects.ancestor_of(page, inclusive=True).select_related("content_type")
    return crumbs_from(ancestors, request)
