"""Rendered home-page sections and course cards, cached until what they show changes.

A featured-courses section costs a handful of queries (the courses, their thumbnails and
renditions, the view restrictions) and most of a home page's rendering time, yet it is
the same for every visitor until an editor changes something. So sections and cards are
rendered once and stored under a key made of two tokens:

- pages.content_generation: renewed on every page save, delete and move, on view
  restrictions, sites, images and documents;
- the listing token here: renewed when a snippet (testimonial, category...), a site or
  generic setting or an image rendition is saved or deleted, and by the apps above
  `pages` when something they put on a card changes without a page save (a course's
  rating, its recounted lessons: `listing_changed`).

Old entries are never read again and expire on their own. Nothing cached here depends
on the viewer (cards and sections show no per-user state), and previews never read or
write it.
"""

import functools
import hashlib

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from core.generations import Generation

from .content_generation import ENTRY_SECONDS, content_generation

KEY = "pages:listing-generation"


LISTINGS = Generation(KEY)


def listing_generation():
    return LISTINGS.current()


def listing_changed(**kwargs):
    """Renew now (this process sees its own change) and after commit."""
    LISTINGS.renew()


def current_tokens():
    return content_generation(), listing_generation()


def cache_key(*parts, tokens=None):
    """A key for one rendered fragment: both tokens plus what tells fragments apart
    (pass `tokens` from current_tokens() when making many keys at once)."""
    raw = ":".join(str(part) for part in (*(tokens or current_tokens()), *parts))
    return "pages:listing:" + hashlib.md5(raw.encode()).hexdigest()  # noqa: S324 - a key


def cached_html(key, render):
    """The fragment under `key`, rendered by `render()` and stored on a miss."""
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, ENTRY_SECONDS)
    return html


def can_cache(request):
    """Previews show unsaved content: they neither read nor fill the cache."""
    return request is not None and not getattr(request, "is_preview", False)


@functools.cache
def watched_bases():
    """Models whose saves and deletes change what a section or card shows. Resolved on
    first use, when every app has registered its snippets."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.snippets.models import get_snippet_models

    return (BaseGenericSetting, BaseSiteSetting, *get_snippet_models())


def _model_saved(sender, created=False, **kwargs):
    """A settings row is created with its defaults the first time a page reads it
    (`for_request`), so its creation changes nothing any fragment showed."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    if created and issubclass(sender, (BaseGenericSetting, BaseSiteSetting)):
        return
    if issubclass(sender, watched_bases()):
        listing_changed()


def _model_deleted(sender, **kwargs):
    """A deleted rendition leaves cached HTML pointing at its file; a new one (made while
    a fragment renders) changes nothing already cached, so only deletes count."""
    from wagtail.images.models import AbstractRendition

    if issubclass(sender, (*watched_bases(), AbstractRendition)):
        listing_changed()


post_save.connect(_model_saved, dispatch_uid="listing-generation-save")
post_delete.connect(_model_deleted, dispatch_uid="listing-generation-delete")
