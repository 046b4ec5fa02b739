"""Notes and bookmarks views: private to the signed-in learner, thin over notes/services.py.

Each write answers enhance.js with the re-rendered fragment (the lesson's notes, one
row of a listing, the bookmark button) and a plain form post with a redirect back and
a flash message. Invalid input keeps what was typed and answers 400.
"""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.fragments import fragment_or_redirect, refusal, sign_in_required
from core.query import search_text

from ..models import Bookmark, Note
from . import fragments as frag
from . import services
from .forms import BookmarkForm

PER_PAGE = 20
MAX_QUERY_LENGTH = 200
NOTE_PAGE = frag.TEMPLATES + "note_form_page.html"
BOOKMARK_PAGE = frag.TEMPLATES + "bookmark_form_page.html"


signed_in = sign_in_required(
    "Log in to keep notes and bookmarks.",
    lambda request, **kwargs: frag.safe_next(request, reverse("notes")),
)


def _own_note(request, note_id):
    note = (
        Note.objects.filter(user=request.user, pk=note_id)
        .select_related("lesson")
        .defer(*frag.HEAVY_LESSON_FIELDS)
        .first()
    )
    if note is None:
        raise services.NoteError("We could not find that note.", status=404)
    return note


def _lesson_next(request, lesson):
    return frag.safe_next(request, lesson.get_url(request))


def _note_next(request, note):
    """Back to where the form was: /notes/ for its rows, else the note's lesson."""
    from_row = request.method == "GET" or request.POST.get("fragment") == "row"
    return frag.safe_next(request, reverse("notes") if from_row else note.lesson.get_url(request))


def _with_anchor(url, anchor):
    return url if "#" in url else f"{url}#{anchor}"


@require_GET
@signed_in
def note_list(request):
    query = search_text(request.GET, "q", MAX_QUERY_LENGTH)
    paginator = Paginator(frag.notes_listing(request.user, query), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    notes = frag.place_notes(request, list(page_obj.object_list))
    context = {
        "page_obj": page_obj,
        "notes": notes,
        "query": query,
        "pagination_query": urlencode({"q": query}) if query else "",
        "next_url": request.get_full_path(),
    }
    return render(request, frag.TEMPLATES + "note_list.html", context)


@require_POST
@signed_in
def note_create(request, lesson_id):
    lesson = services.lesson_for_notes(request.user, lesson_id)
    next_url = _lesson_next(request, lesson)
    form = frag.add_form(lesson, request.POST)
    if form.is_valid():
        try:
            services.create_note(request.user, lesson, **form.cleaned_data)
        except services.NoteError as error:
            form.add_error(None, error.message)
    if not form.is_valid():
        context = frag.lesson_notes_context(request, lesson, next_url, new_form=form)
        context.update(form=form, action=reverse("note_create", args=[lesson.pk]))
        return refusal(request, form.first_error(), 400, frag.LESSON_NOTES, context, NOTE_PAGE)
    context = frag.lesson_notes_context(request, lesson, next_url)
    return fragment_or_redirect(
        request, frag.LESSON_NOTES, context, _with_anchor(next_url, "lesson-notes"), "Note saved."
    )


def _note_fragment(request, note, next_url, form=None):
    """(template, context) of what the form was part of: a /notes/ row or the lesson's notes."""
    if request.POST.get("fragment") == "row":
        return frag.NOTE_ROW, frag.note_row_context(request, note, next_url, form)
    invalid = (note.pk, form) if form is not None else None
    return frag.LESSON_NOTES, frag.lesson_notes_context(
        request, note.lesson, next_url, invalid=invalid
    )


@require_http_methods(["GET", "POST"])
@signed_in
def note_edit(request, note_id):
    note = _own_note(request, note_id)
    next_url = _note_next(request, note)
    form = frag.edit_form(note, request.POST if request.method == "POST" else None)
    page_context = {"form": form, "note": note, "lesson": note.lesson, "next_url": next_url}
    page_context["action"] = reverse("note_edit", args=[note.pk])
    if request.method == "GET":
        return render(request, NOTE_PAGE, page_context)
    if form.is_valid():
        try:
            services.update_note(note, **form.cleaned_data)
        except services.NoteError as error:
            form.add_error(None, error.message)
    if not form.is_valid():
        template, context = _note_fragment(request, note, next_url, form)
        context = {**context, **page_context}
        return refusal(request, form.first_error(), 400, template, context, NOTE_PAGE)
    template, context = _note_fragment(request, note, next_url)
    back = _with_anchor(next_url, f"note-{note.pk}")
    return fragment_or_redirect(request, template, context, back, "Note saved.")


@require_POST
@signed_in
def note_delete(request, note_id):
    note = _own_note(request, note_id)
    next_url = _note_next(request, note)
    lesson = note.lesson
    services.delete_note(note)
    if request.POST.get("fragment") == "row":
        template, context, back = frag.REMOVED, {}, next_url
    else:
        template = frag.LESSON_NOTES
        context = frag.lesson_notes_context(request, lesson, next_url)
        back = _with_anchor(next_url, "lesson-notes")
    return fragment_or_redirect(request, template, context, back, "Note deleted.")


@require_GET
@signed_in
def bookmark_list(request):
    paginator = Paginator(frag.user_bookmarks(request.user), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    bookmarks = frag.describe_bookmarks(request, list(page_obj.object_list))
    for bookmark in bookmarks:
        bookmark.form = frag.bookmark_form(bookmark)
    context = {"page_obj": page_obj, "bookmarks": bookmarks, "next_url": request.get_full_path()}
    return render(request, frag.TEMPLATES + "bookmark_list.html", context)


@require_POST
@signed_in
def bookmark_add(request, page_id):
    page = services.bookmarkable_page(page_id)
    next_url = frag.safe_next(request, page.get_url(request))
    form = BookmarkForm(request.POST)
    if not form.is_valid():
        raise services.NoteError(form.first_error())
    bookmark, created = services.add_bookmark(request.user, page, form.cleaned_data["note"])
    message = f"Bookmarked “{page.title}”." if created else "Already in your bookmarks."
    context = frag.bookmark_button_context(page, bookmark, next_url)
    return fragment_or_redirect(request, frag.BOOKMARK_BUTTON, context, next_url, message)


def _own_bookmark(request, bookmark_id):
    bookmark = Bookmark.objects.filter(user=request.user, pk=bookmark_id).select_related("page")
    bookmark = bookmark.first()
    if bookmark is None:
        raise services.NoteError("We could not find that bookmark.", status=404)
    return bookmark


@require_POST
@signed_in
def bookmark_edit(request, bookmark_id):
    bookmark = _own_bookmark(request, bookmark_id)
    next_url = frag.safe_next(request, reverse("bookmarks"))
    form = frag.bookmark_form(bookmark, request.POST)
    if form.is_valid():
        services.update_bookmark(bookmark, form.cleaned_data["note"])
        context = frag.bookmark_row_context(request, bookmark, next_url)
        return fragment_or_redirect(
            request, frag.BOOKMARK_ROW, context, next_url, "Bookmark note saved."
        )
    context = {"form": form, **frag.bookmark_row_context(request, bookmark, next_url, form)}
    return refusal(request, form.first_error(), 400, frag.BOOKMARK_ROW, context, BOOKMARK_PAGE)


@require_POST
@signed_in
def bookmark_delete(request, bookmark_id):
    bookmark = _own_bookmark(request, bookmark_id)
    next_url = frag.safe_next(request, reverse("bookmarks"))
    page = bookmark.page
    services.remove_bookmark(bookmark)
    if request.POST.get("fragment") == "button":
        template, context = frag.BOOKMARK_BUTTON, frag.bookmark_button_context(page, None, next_url)
    else:
        template, context = frag.REMOVED, {}
    return fragment_or_redirect(request, template, context, next_url, "Bookmark removed.")
