"""The instructor profile form of the Wagtail admin ("My instructor profile").

The CFI number and "valid through" date end up printed under endorsements, so the form
is strict about them: the number must look like the certificate (the model's CFI_NUMBER
validator, after upper-casing and removing spaces), a flight instructor certificate
ticked needs its number, and the date follows 14 CFR 61.197 (see recency.py)."""

from zoneinfo import available_timezones

from django import forms
from django.utils import timezone
from django.utils.formats import date_format

from wagtail.images.widgets import AdminImageChooser

from ..models import Certificate, InstructorProfile
from ..models.profile import CFI_NUMBER
from . import recency
from .slugs import unique_slug

# Certificates that are flight instructor certificates, so have a CFI number
# (14 CFR 61.183 and, for sport pilot instructors, 61.403); ground instructor
# certificates (61.213) are separate certificates without one.
FLIGHT_INSTRUCTOR = {Certificate.CFI, Certificate.CFII, Certificate.MEI, Certificate.CFI_SPORT}
TIME_ZONES = [(name, name.replace("_", " ")) for name in sorted(available_timezones())]


class CertificateNumberField(forms.CharField):
    """Accepts "3456789 cfi" as typed and validates "3456789CFI"."""

    default_validators = [CFI_NUMBER]

    def to_python(self, value):
        return "".join(super().to_python(value).split()).upper()


class InstructorProfileForm(forms.ModelForm):
    slug = forms.SlugField(
        required=False,
        max_length=120,
        help_text="The end of your public page's address. Leave blank to make it from your name.",
    )
    certificates_held = forms.MultipleChoiceField(
        choices=Certificate.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Certificates held",
    )
    cfi_certificate_number = CertificateNumberField(
        required=False,
        max_length=20,
        label="CFI certificate number",
        help_text="As printed on your flight instructor certificate, e.g. 3456789CFI. "
        "Never shown on your public page; printed under endorsements you sign.",
    )
    cfi_expiration = forms.DateField(
        required=False,
        label="CFI privileges valid through",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The last day of your 24-calendar-month recent-experience period "
        "(14 CFR 61.197). Certificates issued since 1 December 2024 print no expiration "
        "date, but the privileges still lapse at the end of that month unless renewed.",
    )
    time_zone = forms.ChoiceField(choices=TIME_ZONES, label="Time zone")

    class Meta:
        model = InstructorProfile
        fields = [
            "display_name",
            "slug",
            "title",
            "organization",
            "bio",
            "photo",
            "certificates_held",
            "years_experience",
            "cfi_certificate_number",
            "cfi_expiration",
            "time_zone",
            "public_profile",
        ]
        widgets = {"photo": AdminImageChooser, "bio": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.fields["years_experience"].min_value = 0
        self.fields["years_experience"].widget.attrs.update(min=0, max=80)

    def clean_certificates_held(self):
        """Stored in the order Certificate lists them, each once."""
        ticked = set(self.cleaned_data["certificates_held"])
        return [code for code in Certificate.values if code in ticked]

    def clean_cfi_expiration(self):
        day = self.cleaned_data["cfi_expiration"]
        if day is None:
            return day
        if not recency.is_month_end(day):
            end = recency.month_end(day.year, day.month)
            raise forms.ValidationError(
                "Recent experience runs to the end of a calendar month (14 CFR 61.197): "
                f"enter the last day of the month, {date_format(end, 'j F Y')}."
            )
        latest = recency.latest_valid_through(self.today)
        if day > latest:
            raise forms.ValidationError(
                "That is more than 24 calendar months ahead (27 with an early renewal): "
                f"the latest possible date today is {date_format(latest, 'j F Y')}."
            )
        return day

    def clean(self):
        cleaned = super().clean()
        flight_instructor = FLIGHT_INSTRUCTOR & set(cleaned.get("certificates_held") or ())
        number_missing = not cleaned.get("cfi_certificate_number")
        if flight_instructor and number_missing and "cfi_certificate_number" not in self.errors:
            self.add_error(
                "cfi_certificate_number",
                "Enter your CFI certificate number: you ticked "
                f"{', '.join(sorted(flight_instructor))}.",
            )
        if cleaned.get("cfi_expiration") and not flight_instructor:
            self.add_error(
                "cfi_expiration",
                "Only flight instructors (CFI, CFII, MEI, CFI-S) have this date: "
                "tick your certificate or clear the date.",
            )
        if not cleaned.get("slug") and cleaned.get("display_name"):
            cleaned["slug"] = unique_slug(cleaned["display_name"], exclude_pk=self.instance.pk)
        return cleaned
