"""Write paths for a learner's private notes and bookmarks.

Views validate input with notes/forms.py first; these functions check the rules again
(who may write where, limits) so that no caller can store what a form would refuse.
A refusal is a NoteError whose message is shown to the learner as is.
"""

from django.db import IntegrityError, transaction

from wagtail.models import Page

from accounts.tiers import tier_for
from core.fragments import Refused
from learning.courses.models import CoursePage, LessonPage

from ..models import Bookmark, Note
from ..models.notes import NOTE_MAX_LENGTH, TAGS_MAX_LENGTH

MAX_TIMESTAMP_SECONDS = 24 * 60 * 60
MAX_TAGS = 10
MAX_TAG_LENGTH = 30
BOOKMARK_NOTE_MAX_LENGTH = Bookmark._meta.get_field("note").max_length
BOOKMARKABLE = (CoursePage, LessonPage)


class NoteError(Refused):
    """Refused: a note or bookmark request the learner should hear about."""


def lesson_for_notes(user, lesson_id):
    """The live, public lesson `user` may take notes on (its full content is theirs to
    see); enrollment is not needed. Unknown or unpublished lessons are 404."""
    lessons = LessonPage.objects.live().public().defer_streamfields()
    lesson = lessons.filter(pk=lesson_id).first()
    if lesson is None:
        raise NoteError("We could not find that lesson.", status=404)
    check_can_note(user, lesson)
    return lesson


def check_can_note(user, lesson):
    if not user.is_authenticated:
        raise NoteError("Log in to keep private notes.", status=403)
    if not lesson.is_visible_to(tier_for(user)):
        raise NoteError(
            "This lesson is part of a higher membership tier, so you can't take notes on it.",
            status=403,
        )


def _checked(text, video_timestamp, tags):
    text = (text or "").strip()
    if not text:
        raise NoteError("Write something before saving the note.")
    if len(text) > NOTE_MAX_LENGTH:
        raise NoteError(f"Notes can be up to {NOTE_MAX_LENGTH:,} characters.")
    if video_timestamp is not None and not (0 <= video_timestamp <= MAX_TIMESTAMP_SECONDS):
        raise NoteError("The video time must be between 0:00 and 24:00:00.")
    tags = tags or ""
    if len(tags) > TAGS_MAX_LENGTH:
        raise NoteError(f"Tags can be up to {TAGS_MAX_LENGTH} characters in all.")
    return {"text": text, "video_timestamp": video_timestamp, "tags": tags}


def create_note(user, lesson, text, video_timestamp=None, tags=""):
    check_can_note(user, lesson)
    return Note.objects.create(user=user, lesson=lesson, **_checked(text, video_timestamp, tags))


def update_note(note, text, video_timestamp=None, tags=""):
    """Edit a note the caller has already checked belongs to the learner. A learner
    keeps their own words even if the lesson is no longer in their tier."""
    for field, value in _checked(text, video_timestamp, tags).items():
        setattr(note, field, value)
    note.save(update_fields=["text", "video_timestamp", "tags", "updated_at"])
    return note


def delete_note(note):
    note.delete()


def bookmarkable_page(page_id):
    """The live, public course or lesson page with this id (as its specific class)."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise NoteError("We could not find that page.", status=404)
    if not issubclass(page.specific_class or Page, BOOKMARKABLE):
        raise NoteError("Only courses and lessons can be bookmarked.")
    return page


def add_bookmark(user, page, note=""):
    """Bookmark `page` once: returns (bookmark, created). A repeat (double click, two
    tabs) returns the existing bookmark untouched; the unique constraint decides races."""
    if not issubclass(page.specific_class or Page, BOOKMARKABLE):
        raise NoteError("Only courses and lessons can be bookmarked.")
    note = _checked_bookmark_note(note)
    try:
        with transaction.atomic():
            return Bookmark.objects.get_or_create(user=user, page=page, defaults={"note": note})
    except IntegrityError:
        return Bookmark.objects.get(user=user, page=page), False


def _checked_bookmark_note(note):
    note = (note or "").strip()
    if len(note) > BOOKMARK_NOTE_MAX_LENGTH:
        raise NoteError(f"A bookmark note can be up to {BOOKMARK_NOTE_MAX_LENGTH} characters.")
    return note


def update_bookmark(bookmark, note):
    bookmark.note = _checked_bookmark_note(note)
    bookmark.save(update_fields=["note"])
    return bookmark


def remove_bookmark(bookmark):
    bookmark.delete()
