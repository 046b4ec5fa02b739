"""Admin and serving hooks for courses: lesson document downloads follow the tier rule."""

from django.core.exceptions import PermissionDenied

from wagtail import hooks

from .access import viewer_tier
from .documents import document_required_tier


@hooks.register("before_serve_document")
def refuse_documents_above_viewer_tier(document, request):
    needed = document_required_tier(document)
    if needed is not None and viewer_tier(request) < needed:
        raise PermissionDenied("This download is part of a lesson you don't have access to yet.")
