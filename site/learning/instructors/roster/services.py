"""Writes of the roster part: an instructor's private notes on a student.

A note is its author's alone: every write names the author, and a note that is not
theirs is answered as missing (None), so an id never reveals someone else's note.
Adding locks the author's row for the length of the write and returns the note just
saved when the same text arrives again within DUPLICATE_WINDOW, so a double click or a
retried POST never stores the note twice.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from learning.instructors.models import StudentNote

DUPLICATE_WINDOW = timedelta(seconds=30)


def add_note(author, student_id, body):
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=author.pk).exists()
        recent = StudentNote.objects.filter(
            author=author,
            student_id=student_id,
            body=body,
            created_at__gte=timezone.now() - DUPLICATE_WINDOW,
        ).first()
        if recent is not None:
            return recent
        return StudentNote.objects.create(author=author, student_id=student_id, body=body)


def own_note(author, note_id, *, lock=False):
    notes = StudentNote.objects.filter(pk=note_id, author=author)
    return (notes.select_for_update() if lock else notes).first()


def update_note(author, note_id, body):
    """The note with its new text, or None when `author` has no note `note_id`."""
    with transaction.atomic():
        note = own_note(author, note_id, lock=True)
        if note is not None and note.body != body:
            note.body = body
            note.save(update_fields=["body", "updated_at"])
        return note


def delete_note(author, note_id):
    """Whether a note of `author` was deleted (False: none, or already gone)."""
    deleted, _ = StudentNote.objects.filter(pk=note_id, author=author).delete()
    return bool(deleted)
