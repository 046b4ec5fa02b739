"""The gouge forms: what an applicant types about a checkride, checked before the
services see it, with messages that say how to fix each field."""

import datetime
import re
import zoneinfo

from django import forms
from django.utils import timezone

from snippets.models.examiner import Certificate

from .models import ACS_CODES_MAX_LENGTH, TEXT_MAX_LENGTH, Difficulty, GougeReport, Outcome

EARLIEST_CHECKRIDE = datetime.date(2000, 1, 1)
WHAT_CAME_UP_MIN_LENGTH = 20
MAX_ACS_CODES = 20
ACS_INPUT_MAX_LENGTH = 1_000
FLAG_REASON_MAX_LENGTH = 1_000
ACS_CODE = re.compile(r"^[A-Z]{2,3}\.[IVXL]+(\.[A-Z](\.(K|R|S)\d{1,2}[a-z]?)?)?$")
ACS_SEPARATORS = re.compile(r"[,;\s]+")
SUB_LETTER = re.compile(r"^(.*\d)([A-Za-z])$")
RATING_CHOICES = [
    (5, "5: excellent"),
    (4, "4: good"),
    (3, "3: fair"),
    (2, "2: poor"),
    (1, "1: very poor"),
]
STRESS_CHOICES = [
    (1, "1: relaxed"),
    (2, "2: a little tense"),
    (3, "3: tense"),
    (4, "4: very tense"),
    (5, "5: extremely stressful"),
]


def normalize_acs_code(code):
    """'pa.i.d.k3A' -> 'PA.I.D.K3a': capitals, except the sub-letter after a number."""
    match = SUB_LETTER.match(code)
    if match:
        return match.group(1).upper() + match.group(2).lower()
    return code.upper()


def parse_acs_codes(raw):
    """(codes, bad): the well-formed codes in the order typed, each once, and the rest."""
    codes, bad = [], []
    for piece in ACS_SEPARATORS.split(raw or ""):
        if not piece:
            continue
        code = normalize_acs_code(piece)
        if not ACS_CODE.match(code):
            bad.append(piece)
        elif code not in codes:
            codes.append(code)
    return codes, bad


def years_before(day, years):
    """The same calendar day `years` earlier (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def local_today(user):
    """Today's date where the applicant lives (Preferences.timezone), else UTC."""
    preferences = getattr(user, "preferences", None) if user is not None else None
    try:
        zone = preferences.zone if preferences is not None else datetime.UTC
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = datetime.UTC
    return timezone.now().astimezone(zone).date()


def int_choice_field(label, choices, message):
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
    )


class GougeReportForm(forms.ModelForm):
    """One checkride with one examiner; the examiner decides which certificates and
    dates make sense."""

    outcome = forms.ChoiceField(
        label="How did it go?",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Tell us how the checkride ended.",
            "invalid_choice": "Choose Passed, Did not pass or Discontinued.",
        },
    )
    overall_rating = int_choice_field(
        "Overall, how was the examiner?", RATING_CHOICES, "Rate the examiner from 1 to 5."
    )
    oral_difficulty = int_choice_field(
        "How hard was the oral exam?", Difficulty.choices, "Choose Easy, Moderate or Hard."
    )
    flight_difficulty = int_choice_field(
        "How hard was the flight?", Difficulty.choices, "Choose Easy, Moderate or Hard."
    )
    stress_level = int_choice_field(
        "How stressful was the day?", STRESS_CHOICES, "Rate the stress from 1 to 5."
    )
    acs_codes = forms.CharField(
        label="ACS codes asked",
        required=False,
        max_length=ACS_INPUT_MAX_LENGTH,
        help_text="Separate codes with commas, e.g. PA.I.E, PA.VII.B.K2.",
        error_messages={"max_length": "That is too long for a list of ACS codes."},
    )

    class Meta:
        model = GougeReport
        fields = [
            "checkride_date",
            "certificate",
            "outcome",
            "overall_rating",
            "oral_difficulty",
            "flight_difficulty",
            "stress_level",
            "what_came_up",
            "unexpected_elements",
            "acs_codes",
        ]
        labels = {
            "checkride_date": "Date of the checkride",
            "certificate": "Certificate or rating sought",
            "what_came_up": "What came up",
            "unexpected_elements": "Anything unexpected?",
        }
        help_texts = {
            "what_came_up": "The scenario, the oral questions and the manoeuvres you flew. "
            "Leave out names and anything that identifies you or others.",
            "unexpected_elements": "Surprises other applicants should know about.",
        }
        widgets = {
            "checkride_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "what_came_up": forms.Textarea(attrs={"rows": 8}),
            "unexpected_elements": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "checkride_date": {
                "required": "Enter the date of your checkride.",
                "invalid": "Enter the date as YYYY-MM-DD, e.g. 2026-03-14.",
            },
            "what_came_up": {
                "required": "Tell other applicants what came up on your checkride.",
                "max_length": f"Keep this to {TEXT_MAX_LENGTH:,} characters or fewer.",
            },
            "unexpected_elements": {
                "max_length": f"Keep this to {TEXT_MAX_LENGTH:,} characters or fewer.",
            },
        }

    def __init__(self, *args, examiner, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.examiner = examiner
        self.today = local_today(user)
        self.fields["checkride_date"].widget.attrs.update(
            min=self.earliest_date().isoformat(), max=self.today.isoformat()
        )
        self.fields["what_came_up"].widget.attrs["minlength"] = WHAT_CAME_UP_MIN_LENGTH
        self._limit_certificates()

    def _limit_certificates(self):
        """Offer only what the examiner examines (plus the report's own, when editing)."""
        examined = list(self.examiner.certificates or [])
        field = self.fields["certificate"]
        if examined:
            keep = set(examined)
            if self.instance.pk:
                keep.add(self.instance.certificate)
            field.choices = [("", "Choose one")] + [
                (value, label) for value, label in Certificate.choices if value in keep
            ]
            offered = ", ".join(str(label) for value, label in field.choices[1:])
            field.error_messages["invalid_choice"] = (
                f"{self.examiner.name} does not examine for that. Choose one of: {offered}."
            )
        else:
            field.choices = [("", "Choose one"), *Certificate.choices]
            field.error_messages["invalid_choice"] = "Choose a certificate or rating from the list."
        field.error_messages["required"] = "Choose the certificate or rating you were seeking."

    def earliest_date(self):
        years = self.examiner.years_experience
        if years is None:
            return EARLIEST_CHECKRIDE
        return max(EARLIEST_CHECKRIDE, years_before(self.today, years))

    def clean_checkride_date(self):
        day = self.cleaned_data["checkride_date"]
        if day > self.today:
            raise forms.ValidationError(
                "That date is in the future. Share your report after the checkride."
            )
        if day < EARLIEST_CHECKRIDE:
            raise forms.ValidationError("We take reports of checkrides from 2000 onwards.")
        earliest = self.earliest_date()
        if day < earliest:
            years = self.examiner.years_experience
            raise forms.ValidationError(
                f"{self.examiner.name} has examined for {years} year{'' if years == 1 else 's'}, "
                f"so the checkride can't be before {earliest:%B} {earliest.day}, "
                f"{earliest.year}. Check the date."
            )
        return day

    def clean_what_came_up(self):
        text = self.cleaned_data["what_came_up"]
        if len(text) < WHAT_CAME_UP_MIN_LENGTH:
            raise forms.ValidationError(
                f"Write at least {WHAT_CAME_UP_MIN_LENGTH} characters so others can learn from it."
            )
        return text

    def clean_acs_codes(self):
        codes, bad = parse_acs_codes(self.cleaned_data["acs_codes"])
        if bad:
            shown = ", ".join(piece[:20] for piece in bad[:5])
            raise forms.ValidationError(
                f"These don't look like ACS codes: {shown}. "
                "Use codes like PA.I.E, PA.VII.B or PA.I.D.K3a, separated by commas."
            )
        if len(codes) > MAX_ACS_CODES:
            raise forms.ValidationError(f"List up to {MAX_ACS_CODES} ACS codes.")
        value = ", ".join(codes)
        if len(value) > ACS_CODES_MAX_LENGTH:
            raise forms.ValidationError(
                f"Keep the codes to {ACS_CODES_MAX_LENGTH} characters; list the main ones."
            )
        return value

    @property
    def report_fields(self):
        """The cleaned values services.submit_report and update_report take."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class GougeFlagForm(forms.Form):
    reason = forms.CharField(
        label="What is wrong with this report?",
        max_length=FLAG_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Tell the moderators what is wrong with this report.",
            "max_length": f"Keep this to {FLAG_REASON_MAX_LENGTH:,} characters or fewer.",
        },
    )
