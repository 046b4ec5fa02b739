"""Forms for sign-up details and the account settings page."""

import zoneinfo

from django import forms
from django.contrib.auth import password_validation

from core.images import reencode_image

from .models import AVATAR_MAX_BYTES, Preferences, Profile, validate_avatar_size

AVATAR_MAX_SIDE = 512  # pixels: avatars show at 96 px or less, twice that on dense screens


def timezone_choices():
    """All IANA zones, most useful first: UTC, then the US zones pilots here fly in."""
    zones = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})
    us_first = [z for z in zones if z.startswith("America/")]
    rest = [z for z in zones if not z.startswith("America/") and z != "UTC"]
    return [("UTC", "UTC")] + [(z, z.replace("_", " ")) for z in us_first + rest]


# How each of Django's password validators reads in the one-line summary; a validator not
# listed here contributes its own help text.
PASSWORD_RULE_PHRASES = {
    password_validation.UserAttributeSimilarityValidator: "not like your name or email",
    password_validation.CommonPasswordValidator: "not a common password",
    password_validation.NumericPasswordValidator: "not all numbers",
}


def password_rules_summary():
    """The password rules in one short line, e.g. "At least 8 characters; not a common
    password and not all numbers."

    Django's own help text is a four-item list that pushes the rest of the form below the
    fold on a phone. The line is built from AUTH_PASSWORD_VALIDATORS, so it cannot drift
    from what is enforced; a failed rule is still reported by its own error message.
    """
    validators = password_validation.get_default_password_validators()
    lengths = [
        v.min_length
        for v in validators
        if isinstance(v, password_validation.MinimumLengthValidator)
    ]
    others = [
        PASSWORD_RULE_PHRASES.get(type(v)) or v.get_help_text().rstrip(".")
        for v in validators
        if not isinstance(v, password_validation.MinimumLengthValidator)
    ]
    if len(others) > 1:
        others = [", ".join(others[:-1]) + " and " + others[-1]]
    parts = ([f"At least {max(lengths)} characters"] if lengths else []) + others
    if not parts:
        return ""
    summary = "; ".join(parts)
    return summary[0].upper() + summary[1:] + "."


class SignupDetailsForm(forms.Form):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        max_length=80,
        label="Your name",
        help_text="Shown in the header and next to your reviews. You can change it later.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": "Enter your name."},
    )

    def signup(self, request, user):
        user.profile.display_name = self.cleaned_data["display_name"].strip()
        user.profile.save(update_fields=["display_name"])


class AvatarField(forms.ImageField):
    """Refuses an oversized upload before Pillow decodes it (decoding is the costly part),
    then stores a re-drawn copy of a new picture, never the uploaded bytes."""

    def to_python(self, data):
        if data and getattr(data, "size", 0) > AVATAR_MAX_BYTES:
            validate_avatar_size(data)
        return super().to_python(data)

    def clean(self, data, initial=None):
        picture = super().clean(data, initial)
        if picture and picture is not initial and hasattr(picture, "image"):
            return reencode_image(picture, AVATAR_MAX_SIDE)
        return picture


CERTIFICATE_FIELDS = ("faa_certificate_grade", "faa_certificate_number")


class ProfileForm(forms.ModelForm):
    """The profile on the account settings page.

    The FAA certificate appears beside the content its holder reviews, so only editors
    (staff with Wagtail admin access, the people who can be named as reviewers) get the
    two certificate fields; for anyone else they are not part of the form and a posted
    value is ignored.
    """

    avatar = AvatarField(
        required=False, help_text="A square JPEG, PNG or WebP picture, at most 2 MB."
    )

    class Meta:
        model = Profile
        fields = ["display_name", "bio", "location", "avatar", "birth_date", *CERTIFICATE_FIELDS]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 4}),
            "birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "faa_certificate_number": forms.TextInput(
                attrs={"autocomplete": "off", "spellcheck": "false", "inputmode": "text"}
            ),
        }
        help_texts = {"birth_date": "Never shown to other people."}

    def __init__(self, *args, editor=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not editor:
            for name in CERTIFICATE_FIELDS:
                del self.fields[name]

    def clean_faa_certificate_number(self):
        return self.cleaned_data["faa_certificate_number"].strip().upper()

    def clean(self):
        cleaned = super().clean()
        if "faa_certificate_number" not in self.fields:
            return cleaned
        grade = cleaned.get("faa_certificate_grade")
        number = cleaned.get("faa_certificate_number")
        if number and not grade:
            self.add_error("faa_certificate_grade", "Choose the certificate this number is on.")
        if grade and not number and "faa_certificate_number" not in self.errors:
            self.add_error("faa_certificate_number", "Enter the certificate number as printed.")
        return cleaned


class PreferencesForm(forms.ModelForm):
    timezone = forms.ChoiceField(
        choices=timezone_choices, help_text="Dates and study days follow this time zone."
    )

    class Meta:
        model = Preferences
        fields = [
            "timezone",
            "language",
            "theme",
            "email_notifications",
            "study_reminder_frequency",
            "show_progress_to_instructors",
        ]
        widgets = {"theme": forms.RadioSelect}
