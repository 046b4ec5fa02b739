"""Purge the whole page cache whenever anything a guest page shows may have changed.

Every stored page carries the generation (a random token) that was current when it was
rendered; a purge sets a new token, so every older page stops being served. Purging
everything instead of the affected pages is exact without knowing which pages show
what (a testimonial may be on the home page, a category in every course card, a site
setting in every footer), and cheap: content changes are rare next to guest page views,
and after a purge each page costs one render again.

Triggers: pages published, unpublished, moved, saved or deleted (scheduled publishing
publishes through the same signals); snippets, site and generic settings, sites, page
privacy, redirects, images and documents saved or deleted; and the models listed in
PAGE_CACHE_PURGE_MODELS (reviews, ratings, checkride reports, examiner statistics,
ACS data: apps above `core`, named by label so `core` imports none of them). Each
purge happens at once and again after the transaction commits, so a page rendered from
the old data while the change was being committed is not kept under the new token.

Changes made with QuerySet.update() or bulk_create() send no signal; the code that
makes them also saves a watched model (reviews' approvals recompute the CourseRating,
checkride moderation recomputes ExaminerStats), and anything else shows within
PAGE_CACHE_SECONDS at most.
"""

import functools

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save

from wagtail import signals as wagtail_signals

from core.generations import Generation

from .keys import GENERATION_KEY

PAGES = Generation(GENERATION_KEY)


def current_generation(known=None):
    """The current token (core.generations): a lost one is replaced by a new one, so
    every stored page is a miss, never a stale hit."""
    return PAGES.current(known)


def purge_all():
    """Make every stored page stale, now and once more after the current commit."""
    PAGES.renew()


@functools.cache
def watched_bases():
    """Model classes whose saves and deletes purge. Resolved on first use, once every
    app is ready and every wagtail_hooks module has registered its snippets."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    listed = [apps.get_model(label) for label in settings.PAGE_CACHE_PURGE_MODELS]
    return (
        Page,
        BaseSiteSetting,
        BaseGenericSetting,
        Site,
        PageViewRestriction,
        CollectionViewRestriction,
        Redirect,
        get_image_model(),
        get_document_model(),
        *get_snippet_models(),
        *listed,
    )


@functools.cache
def is_watched(model):
    return issubclass(model, watched_bases())


def purge_on_model_change(sender, created=False, **kwargs):
    if is_watched(sender) and not (created and is_setting(sender)):
        purge_all()


@functools.cache
def is_setting(model):
    """Settings rows are created with their defaults the first time a page reads them
    (Wagtail's for_site): the page already showed those values, so nothing changed."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return issubclass(model, (BaseSiteSetting, BaseGenericSetting))


def purge_on_signal(sender, **kwargs):
    purge_all()


PUBLISHING_SIGNALS = (
    wagtail_signals.page_published,
    wagtail_signals.page_unpublished,
    wagtail_signals.post_page_move,
    wagtail_signals.published,
    wagtail_signals.unpublished,
)


def connect():
    """Wire the purge receivers (CoreConfig.ready)."""
    for signal in PUBLISHING_SIGNALS:
        signal.connect(purge_on_signal, dispatch_uid="page_cache_purge")
    for signal in (post_save, post_delete):
        signal.connect(purge_on_model_change, dispatch_uid="page_cache_purge")
