"""Lesson notes, the bookmark button and the dashboard's bookmarks.

Each tag renders a template under learning/enrollments/notes/ with the same context
builders the views use after a change (note_fragments), in a fixed number of queries.
"""

from django import template
from django.template.loader import render_to_string

from accounts.tiers import tier_for

from ..notes import fragments as frag
from ..notes.forms import format_timestamp
from ..notes.services import BOOKMARKABLE
from ..page_state import page_bookmark

register = template.Library()
DASHBOARD_LIMIT = 10


def _request_user(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    return request, user


@register.simple_tag(takes_context=True)
def lesson_notes(context, lesson):
    """The viewer's notes on `lesson` and the add form; a log-in prompt for guests;
    nothing for a viewer the lesson is hidden from (or for an unpublished lesson)."""
    request, user = _request_user(context)
    if request is None or user is None or lesson is None or lesson.pk is None:
        return ""  # pk is None: an editor previewing a lesson that was never saved
    if not user.is_authenticated:
        return render_to_string(frag.TEMPLATES + "guest_prompt.html", {"lesson": lesson}, request)
    if not lesson.live or not lesson.is_visible_to(tier_for(user)):
        return ""
    notes_context = frag.lesson_notes_context(request, lesson, request.get_full_path())
    return render_to_string(frag.LESSON_NOTES, notes_context, request)


def _bookmarkable(page):
    return (
        page is not None
        and page.pk is not None
        and page.live
        and issubclass(page.specific_class or type(page), BOOKMARKABLE)
    )


@register.simple_tag(takes_context=True)
def bookmark_button(context, page):
    """A Bookmark toggle (aria-pressed), for signed-in viewers of a course or lesson; the
    bookmark comes with the viewer's page state when the page read it."""
    request, user = _request_user(context)
    if user is None or not user.is_authenticated or not _bookmarkable(page):
        return ""
    bookmark = page_bookmark(request, page)
    button_context = frag.bookmark_button_context(page, bookmark, request.get_full_path())
    return render_to_string(frag.BOOKMARK_BUTTON, button_context, request)


@register.simple_tag(takes_context=True)
def dashboard_bookmarks(context):
    """The viewer's newest bookmarks (up to 10) and a link to all of them."""
    request, user = _request_user(context)
    if user is None or not user.is_authenticated:
        return ""
    bookmarks = list(frag.user_bookmarks(user)[: DASHBOARD_LIMIT + 1])
    more = len(bookmarks) > DASHBOARD_LIMIT
    bookmarks = frag.describe_bookmarks(request, bookmarks[:DASHBOARD_LIMIT])
    return render_to_string(
        frag.TEMPLATES + "dashboard_bookmarks.html", {"bookmarks": bookmarks, "more": more}, request
    )


@register.filter
def note_time(seconds):
    """Seconds as a video time: 4:05, or 1:02:30 from an hour on."""
    return format_timestamp(seconds)
