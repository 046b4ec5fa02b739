"""The endorsement form: the kind's details, the date, and the signature.

The signature is the instructor's typed name (it must match the name on their
InstructorProfile) plus their current password, re-entered: the password proves that
the person at the keyboard is the account holder at the moment of signing, the typed
name records their intent to sign this text. The date is the instructor's local
today by default; it may not be in the future or more than 60 days back, so an
endorsement cannot be dated into a period it was not written in.
"""

import datetime
import uuid

from django import forms

from learning.instructors.models import Endorsement

from . import texts

MAX_DAYS_BACK = 60
MAX_DETAIL_LENGTH = 200


def same_name(typed, name):
    def fold(text):
        return " ".join((text or "").split()).casefold()

    return bool(fold(typed)) and fold(typed) == fold(name)


class KindForm(forms.Form):
    """Step one: which endorsement (a GET form; the choice goes into ?kind=)."""

    kind = forms.ChoiceField(label="Endorsement", choices=Endorsement.Kind.choices)


class EndorsementForm(forms.Form):
    """Step two: the details of one kind, the date and the signature."""

    token = forms.UUIDField(widget=forms.HiddenInput)
    signed_on = forms.DateField(
        label="Date of the endorsement",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=f"Today by default; not in the future, at most {MAX_DAYS_BACK} days back.",
    )
    signature = forms.CharField(
        label="Your signature: type your name",
        max_length=150,
        help_text="As it appears in My instructor profile.",
    )
    password = forms.CharField(
        label="Your current password",
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Re-enter your password to sign. Preview does not need it.",
    )

    def __init__(self, *args, kind, instructor, profile, today, signing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.instructor = instructor
        self.profile = profile
        self.today = today
        self.signing = signing
        self.detail_names = []
        for field in texts.spec_for(kind).fields:
            self.fields[field.name] = forms.CharField(
                label=field.label,
                help_text=field.help,
                required=field.required,
                max_length=MAX_DETAIL_LENGTH,
            )
            self.detail_names.append(field.name)
        self.order_fields([*self.detail_names, "signed_on", "signature", "password"])
        self.fields["token"].initial = uuid.uuid4()
        self.fields["signed_on"].initial = today
        if signing:
            self.fields["password"].required = True

    def detail_fields(self):
        return [self[name] for name in self.detail_names]

    def signing_fields(self):
        return [self["signed_on"], self["signature"], self["password"]]

    def clean_signed_on(self):
        signed_on = self.cleaned_data["signed_on"]
        if signed_on > self.today:
            raise forms.ValidationError("The date cannot be in the future.")
        if signed_on < self.today - datetime.timedelta(days=MAX_DAYS_BACK):
            raise forms.ValidationError(
                f"The date cannot be more than {MAX_DAYS_BACK} days back. Write the "
                "endorsement with today's date instead."
            )
        return signed_on

    def clean_signature(self):
        signature = " ".join(self.cleaned_data["signature"].split())
        if not same_name(signature, self.profile.display_name):
            raise forms.ValidationError(
                f"Type your name exactly as in My instructor profile: {self.profile.display_name}."
            )
        return signature

    def clean_password(self):
        password = self.cleaned_data.get("password") or ""
        if self.signing and not self.instructor.check_password(password):
            raise forms.ValidationError("That is not your current password.")
        return password

    def details(self):
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        return {name: data.get(name, "") for name in self.detail_names}

    def preview(self, student_name):
        """The text as it would be signed, with [placeholders] for what is still missing."""
        values = {}
        for field in texts.spec_for(self.kind).fields:
            given = (self.data.get(field.name) or "").strip() if self.is_bound else ""
            values[field.name] = given[:MAX_DETAIL_LENGTH] or (
                "" if not field.required else f"[{field.label}]"
            )
        signed_on = None
        if self.is_bound:
            try:
                signed_on = self.fields["signed_on"].clean(self.data.get("signed_on"))
            except forms.ValidationError:
                signed_on = None
        return texts.full_text(
            self.kind,
            student_name,
            values,
            signed_on=signed_on or self.today,
            signature=self.profile.display_name,
            cfi_number=self.profile.cfi_certificate_number,
            cfi_expiration=self.profile.cfi_expiration,
        )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label="Reason for revoking",
        max_length=1_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The student is told, and the reason shows on the public verification page.",
    )
