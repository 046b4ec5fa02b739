"""What every page in a course tree shares: editor tabs, the viewer's tier, breadcrumbs."""

from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.models import Page

from pages.base import BasePage
from pages.routing import crumbs_for

from ..access import viewer_tier


def editor_tabs(**tabs):
    """The page's own tabs (heading=panels), then Wagtail's Promote and Settings tabs
    (Settings holds comments and shows only when Wagtail has something to put there)."""
    own = [ObjectList(panels, heading=heading) for heading, panels in tabs.items()]
    return TabbedInterface(
        [
            *own,
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )


def tree_context(page, request):
    """The viewer's tier, the breadcrumb trail and, for pages inside a course, the
    course as its breadcrumb (pk, title, url, path: all that outline, links and progress
    need). The trail comes with the cached route (pages.routing), so it costs no query
    on a routed page view."""
    # Home > Courses > Course > Module > Lesson, without the invisible tree root.
    breadcrumbs = crumbs_for(page, request)
    course = next((crumb for crumb in breadcrumbs if crumb.model == COURSE_MODEL), None)
    return {"viewer_tier": viewer_tier(request), "breadcrumbs": breadcrumbs, "course": course}


COURSE_MODEL = "courses.coursepage"
