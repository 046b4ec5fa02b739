"""Opening a lesson records the visit, so "Continue" and video resume know where the
learner was.

The write happens in a Wagtail `before_serve_page` hook (registered in wagtail_hooks.py),
not while the page model builds its context: page models stay free of enrollments, and
rendering a page never writes. Editors' previews do not go through `serve`, so they
record nothing. The hook runs after Wagtail's own view-restriction check (a higher
`order`), so a page the viewer may not open records nothing either.

The hook reads the viewer's page state (page_state: enrollment, bookmark, completed
lessons and this lesson's progress, two queries) that the page's template tags then
share, and writes only when the visit changes something (services.record_visit).
"""

from dataclasses import dataclass

from accounts.tiers import tier_for
from learning.courses.models import LessonPage

from .models import Enrollment, LessonProgress
from .page_state import page_state
from .services import record_visit

VISIT_ATTR = "lesson_visit"
AFTER_WAGTAIL_PRIVACY_CHECK = 100


@dataclass(frozen=True)
class LessonVisit:
    """What the visit left behind for the page being served (read by progress_tags)."""

    enrollment: Enrollment
    progress: LessonProgress


def record_lesson_view(page, request, serve_args, serve_kwargs):
    """before_serve_page: record an enrolled learner's GET of a lesson they may read."""
    if request.method != "GET" or not request.user.is_authenticated:
        return None
    if not isinstance(page, LessonPage):
        return None
    state = page_state(request, page)
    enrollment = state.enrollment
    if enrollment is None or not enrollment.is_current or not page.live:
        return None
    if not page.is_visible_to(tier_for(request.user)):
        return None
    state.page_progress = record_visit(enrollment, page, progress=state.page_progress)
    setattr(request, VISIT_ATTR, LessonVisit(enrollment, state.page_progress))
    return None


def visit_for(request):
    return getattr(request, VISIT_ATTR, None)
