"""The private note form of the student page."""

from django import forms

from learning.instructors.models import StudentNote

EMPTY = "Write something, or leave the note as it was."
MAX_LENGTH = StudentNote._meta.get_field("body").max_length


class NoteForm(forms.Form):
    body = forms.CharField(
        label="Private note",
        max_length=MAX_LENGTH,
        strip=True,
        error_messages={"required": EMPTY},
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Only you ever see your notes: not the student, not other instructors.",
    )

    def clean_body(self):
        body = self.cleaned_data["body"].replace("\x00", "")
        if not body.strip():
            raise forms.ValidationError(EMPTY)
        return body
