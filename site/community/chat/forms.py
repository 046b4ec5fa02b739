"""The chat pages' forms: what a person types, checked before any service runs.

Limits that need the database (who may be messaged, the rate limit, attachment type and
size) are the services' to refuse; these forms only check shape, so a refusal from
either lands on the same form with the typed text kept.
"""

import uuid

from django import forms

from .models import MAX_BODY_LENGTH

EMPTY = "Write a message or attach a file."


def fresh_token():
    return uuid.uuid4()


class MessageForm(forms.Form):
    """The compose box under a thread."""

    content = forms.CharField(
        label="Message",
        required=False,
        max_length=MAX_BODY_LENGTH,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3, "data-chat-input": ""}),
    )
    attachment = forms.FileField(
        label="Attach an image or document", required=False, allow_empty_file=False
    )
    client_token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    reply_to = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("client_token", fresh_token())
        super().__init__(*args, **kwargs)

    def clean_content(self):
        return self.cleaned_data["content"].strip()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("content") and not cleaned.get("attachment") and not self.errors:
            raise forms.ValidationError(EMPTY)
        return cleaned

    def renew_token(self):
        """A new token for the next render of a refused form: the refused send stored
        nothing, so the retry is a new message. Typed text and errors stay."""
        self.data = self.data.copy()
        self.data["client_token"] = str(fresh_token())


class NewConversationForm(forms.Form):
    """Start a direct conversation with one of the people the user may message."""

    to = forms.TypedChoiceField(label="To", coerce=int, choices=())
    topic = forms.CharField(
        label="Topic",
        required=False,
        max_length=255,
        help_text="For example the lesson your question is about.",
    )
    content = forms.CharField(
        label="Message", max_length=MAX_BODY_LENGTH, widget=forms.Textarea(attrs={"rows": 5})
    )
    client_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, contact_choices=(), **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("client_token", fresh_token())
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [("", "Choose a person"), *contact_choices]


class EditMessageForm(forms.Form):
    content = forms.CharField(
        label="Message", max_length=MAX_BODY_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )


class ReportMessageForm(forms.Form):
    reason = forms.CharField(
        label="What is wrong with this message?",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
