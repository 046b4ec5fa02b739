"""Adding, editing and deleting the viewer's private notes on a student (POST forms on
the student page; without JavaScript, the edit form and the delete confirmation are
plain pages). Each view first passes the student page's own access check, then looks
the note up by author: another instructor's note id is a 404, like an unknown one.
A form with errors re-renders the student page with the errors and the text kept.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect

from . import services
from .forms import NoteForm
from .student import StudentView, student_url


class AddNoteView(StudentView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = NoteForm(request.POST)
        if not form.is_valid():
            self.note_form = form
            return self.render_to_response(self.get_context_data(), status=400)
        services.add_note(request.user, self.student.pk, form.cleaned_data["body"])
        messages.success(request, "Note saved. Only you can read it.")
        return redirect(student_url(self.student.pk) + "#notes")


class OwnNoteView(StudentView):
    """A view of one of the viewer's notes on this student."""

    def dispatch(self, request, *args, note_id, **kwargs):
        self.note_id = note_id
        return super().dispatch(request, *args, **kwargs)

    def get_note(self):
        note = services.own_note(self.request.user, self.note_id)
        if note is None or note.student_id != self.student.pk:
            raise Http404("No such note.")
        return note


class EditNoteView(OwnNoteView):
    http_method_names = ["get", "post"]

    def get(self, request, *args, **kwargs):
        self.editing = self.get_note()
        self.note_form = NoteForm(initial={"body": self.editing.body})
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.editing = self.get_note()
        form = NoteForm(request.POST)
        if not form.is_valid():
            self.note_form = form
            return self.render_to_response(self.get_context_data(), status=400)
        if services.update_note(request.user, self.editing.pk, form.cleaned_data["body"]) is None:
            raise Http404("No such note.")
        messages.success(request, "Note updated.")
        return redirect(student_url(self.student.pk) + "#notes")


class DeleteNoteView(OwnNoteView):
    template_name = "learning/instructors/roster/delete_note.html"
    http_method_names = ["get", "post"]

    def get_page_title(self):
        return "Delete this note?"

    def get_context_data(self, **kwargs):
        # The admin furniture (title, breadcrumbs), not the whole student page.
        return super(StudentView, self).get_context_data(
            note=self.note, student=self.student, back_url=student_url(self.student.pk), **kwargs
        )

    def get(self, request, *args, **kwargs):
        self.note = self.get_note()
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        self.note = self.get_note()
        services.delete_note(request.user, self.note.pk)
        messages.success(request, "Note deleted.")
        return redirect(student_url(self.student.pk) + "#notes")
