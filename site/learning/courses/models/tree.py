"""Context every page inside a course shares: the viewer's tier and the breadcrumb trail."""

from ..access import viewer_tier


def tree_context(page, request):
    return {
        "viewer_tier": viewer_tier(request),
        # Home > Courses > Course > Module > Lesson, without the invisible tree root.
        "breadcrumbs": list(page.get_ancestors(inclusive=True).filter(depth__gt=1)),
    }
