"""One token that changes whenever published content may have changed.

Cached routes, outlines, breadcrumbs and rendered lesson bodies are keyed by it, so a
change never needs to know which entries it made stale: it draws a new token and the
old entries are simply never read again (they expire on their own).

The token changes on every page save, delete and move (publishing, unpublishing, slug
and title changes and reordering all save or move a page), on view-restriction and site
changes, the site branding, and on image and document changes (rendered bodies embed
their URLs). Drafts
save the page too, so editing invalidates a little more than it strictly must: cheap,
and it can never serve stale content.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.generations import Generation

KEY = "content-generation"
# Entries keyed by the token live this long at most (a stale token is never read again).
ENTRY_SECONDS = 24 * 60 * 60


CONTENT = Generation(KEY)


def content_generation():
    """The current token (core.generations)."""
    return CONTENT.current()


def content_changed(**kwargs):
    """Renew now (this process sees its own change at once) and again after commit."""
    CONTENT.renew()


def _page_saved_or_deleted(sender, **kwargs):
    if issubclass(sender, Page):
        content_changed()


post_save.connect(_page_saved_or_deleted, dispatch_uid="content-generation-page-save")
post_delete.connect(_page_saved_or_deleted, dispatch_uid="content-generation-page-delete")
for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(content_changed, dispatch_uid=f"content-generation-{id(signal)}")


def _branding_saved(created=False, **kwargs):
    """A new branding row changes nothing cached: the first page view creates the row
    it reads (BaseSiteSetting.for_site), before anything could cache its absence."""
    if not created:
        content_changed()


post_save.connect(_branding_saved, sender="pages.SiteBranding", dispatch_uid="content-gen-brand")
post_delete.connect(content_changed, sender="pages.SiteBranding", dispatch_uid="content-gen-brand")
# Models by name where they may not be loaded yet when this is imported.
CHANGING_MODELS = (PageViewRestriction, Site, get_image_model_string(), get_document_model_string())
for model in CHANGING_MODELS:
    post_save.connect(content_changed, sender=model, dispatch_uid=f"content-gen-save-{model}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"content-gen-del-{model}")
