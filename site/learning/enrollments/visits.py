"""Opening a lesson records the visit, so "Continue" and video resume know where the
learner was.

The write happens in a Wagtail `before_serve_page` hook (registered in wagtail_hooks.py),
not while the page model builds its context: page models stay free of enrollments, and
rendering a page never writes. Editors' previews do not go through `serve`, so they
record nothing. The hook runs after Wagtail's own view-restriction check (a higher
`order`), so a page the viewer may not open records nothing either.
"""

from dataclasses import dataclass

from learning.courses.models import LessonPage

from .models import Enrollment, LessonProgress
from .services import EnrollmentError, enrollment_for_lesson, record_visit

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
    try:
        enrollment = enrollment_for_lesson(request.user, page)
    except EnrollmentError:
        return None
    setattr(request, VISIT_ATTR, LessonVisit(enrollment, record_visit(enrollment, page)))
    return None


def visit_for(request):
    return getattr(request, VISIT_ATTR, None)
