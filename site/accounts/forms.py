"""Forms for sign-up details and the account settings page."""

import zoneinfo

from django import forms

from core.images import reencode_image

from .models import AVATAR_MAX_BYTES, Preferences, Profile, validate_avatar_size

AVATAR_MAX_SIDE = 512  # pixels: avatars show at 96 px or less, twice that on dense screens


def timezone_choices():
    """All IANA zones, most useful first: UTC, then the US zones pilots here fly in."""
    zones = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})
    us_first = [z for z in zones if z.startswith("America/")]
    rest = [z for z in zones if not z.startswith("America/") and z != "UTC"]
    return [("UTC", "UTC")] + [(z, z.replace("_", " ")) for z in us_first + rest]


class SignupDetailsForm(forms.Form):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        max_length=80,
        label="Your name",
        help_text="Shown in the header and next to your reviews. You can change it later.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
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


class ProfileForm(forms.ModelForm):
    avatar = AvatarField(
        required=False, help_text="A square JPEG, PNG or WebP picture, at most 2 MB."
    )

    class Meta:
        model = Profile
        fields = ["display_name", "bio", "location", "avatar", "birth_date"]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 4}),
            "birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {"birth_date": "Never shown to other people."}


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
