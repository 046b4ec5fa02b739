"""Context for the notes and bookmarks fragments, shared by the template tags (first
render) and the views (re-render after a change), so both produce the same HTML.

Every builder costs a fixed number of queries: URLs come from Wagtail's cached site
root paths, kinds from the content-type cache, courses from one query per page.
"""

from django.db.models import Q

from core.redirects import same_site_url
from learning.courses.models import CoursePage

from ..models import Bookmark, Note
from .forms import BookmarkForm, NoteForm

TEMPLATES = "learning/enrollments/notes/"
LESSON_NOTES = TEMPLATES + "lesson_notes.html"
NOTE_ROW = TEMPLATES + "note_row.html"
REMOVED = TEMPLATES + "removed.html"
BOOKMARK_BUTTON = TEMPLATES + "bookmark_button.html"
BOOKMARK_ROW = TEMPLATES + "bookmark_row.html"
# The lesson columns a note listing never shows: its body can be large.
HEAVY_LESSON_FIELDS = ("lesson__body", "lesson__transcript")


def safe_next(request, fallback):
    """The `next` URL the form carried, if it is a URL of this site; else `fallback`."""
    return same_site_url(request, request.POST.get("next") or request.GET.get("next"), fallback)


def edit_form(note, data=None):
    """A note's edit form; ids carry the note's id so many forms can share a page."""
    return NoteForm(data, note=note, auto_id=f"note-{note.pk}-%s")


def add_form(lesson, data=None):
    return NoteForm(data, auto_id=f"new-note-{lesson.pk}-%s")


def lesson_notes_context(request, lesson, next_url, new_form=None, invalid=None):
    """The learner's notes on `lesson`, newest first, each with its edit form, plus the
    add form. `invalid` is (note id, bound form) to show one edit open with its errors."""
    notes = list(
        Note.objects.filter(user=request.user, lesson=lesson).order_by("-created_at", "-pk")
    )
    for note in notes:
        note.lesson = lesson  # already loaded: no query per note
        if invalid and invalid[0] == note.pk:
            note.form, note.edit_open = invalid[1], True
        else:
            note.form = edit_form(note)
    return {
        "lesson": lesson,
        "notes": notes,
        "add_form": new_form or add_form(lesson),
        "next_url": next_url,
    }


def note_row_context(request, note, next_url, form=None):
    note.lesson_url = note.lesson.get_url(request)
    note.form = form or edit_form(note)
    note.edit_open = form is not None
    return {"note": note, "next_url": next_url}


def notes_listing(user, query=""):
    """The user's notes (matching `query` in text, tags or lesson title), in course order
    and newest first within a lesson, with their lessons loaded."""
    notes = Note.objects.filter(user=user)
    if query:
        notes = notes.filter(
            Q(text__icontains=query) | Q(tags__icontains=query) | Q(lesson__title__icontains=query)
        )
    return (
        notes.select_related("lesson")
        .defer(*HEAVY_LESSON_FIELDS)
        .order_by("lesson__path", "-created_at", "-pk")
    )


def place_notes(request, notes):
    """Give each note its lesson URL, its course and an edit form (one query for all)."""
    ancestors = {path for note in notes for path in _ancestor_paths(note.lesson)}
    courses = {}
    if ancestors:
        courses = {
            course.path: course
            for course in CoursePage.objects.filter(path__in=ancestors).defer_streamfields()
        }
    for course in courses.values():
        course.url_for_viewer = course.get_url(request)
    for note in notes:
        note.course = next(
            (courses[path] for path in _ancestor_paths(note.lesson) if path in courses), None
        )
        note.lesson_url = note.lesson.get_url(request)
        note.form = edit_form(note)
    return notes


def _ancestor_paths(page):
    step = page.steplen
    return [page.path[:end] for end in range(step, len(page.path), step)]


def describe_bookmarks(request, bookmarks):
    """Each bookmark with its page's URL and kind ("Course" or "Lesson")."""
    for bookmark in bookmarks:
        page_class = bookmark.page.specific_class
        bookmark.kind = page_class._meta.verbose_name.capitalize() if page_class else "Page"
        bookmark.url = bookmark.page.get_url(request)
    return bookmarks


def user_bookmarks(user):
    return (
        Bookmark.objects.filter(user=user, page__live=True)
        .select_related("page")
        .order_by("-created_at", "-pk")
    )


def bookmark_button_context(page, bookmark, next_url):
    return {"page": page, "bookmark": bookmark, "next_url": next_url}


def bookmark_row_context(request, bookmark, next_url, form=None):
    describe_bookmarks(request, [bookmark])
    bookmark.form = form or bookmark_form(bookmark)
    bookmark.edit_open = form is not None
    return {"bookmark": bookmark, "next_url": next_url}


def bookmark_form(bookmark, data=None):
    return BookmarkForm(data, initial={"note": bookmark.note}, auto_id=f"bookmark-{bookmark.pk}-%s")
