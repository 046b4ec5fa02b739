"""Admin and serving hooks for courses: lesson document downloads follow the tier rule,
and the home page's course sections get their courses from here (pages.providers)."""

from django.core.exceptions import PermissionDenied

from wagtail import hooks

from pages.providers import COURSE_CARDS_HOOK, SITE_COUNTS_HOOK

from .access import viewer_tier
from .catalog import course_cards
from .documents import document_required_tier
from .models import CoursePage, LessonPage


@hooks.register("before_serve_document")
def refuse_documents_above_viewer_tier(document, request):
    needed = document_required_tier(document)
    if needed is not None and viewer_tier(request) < needed:
        raise PermissionDenied("This download is part of a lesson you don't have access to yet.")


@hooks.register(COURSE_CARDS_HOOK)
def home_course_cards():
    """The courses the home page's "Featured courses" section may show."""
    return course_cards()


@hooks.register(SITE_COUNTS_HOOK)
def live_course_counts():
    """Published, public courses and lessons, for the home page's stats strip."""
    return {
        "courses": CoursePage.objects.live().public().count(),
        "lessons": LessonPage.objects.live().public().count(),
    }
