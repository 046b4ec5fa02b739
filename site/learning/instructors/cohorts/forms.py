"""The cohort editor, the CSV upload and its signed confirmation, and member removal.

The editor offers only the courses where the user has the manage-students right and,
as co-instructors, only people credited on those courses; whatever a colleague with
other rights had chosen outside that offer is kept (services.save_cohort), so an edit
never silently drops a course or an instructor the editor could not see.
"""

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from ..models import Cohort
from .access import credited_colleagues, manageable_courses
from .csv_rows import MAX_BYTES, MAX_ROWS


class CohortForm(forms.ModelForm):
    class Meta:
        model = Cohort
        fields = ["name", "description", "starts_on", "courses", "instructors", "archived"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "courses": forms.CheckboxSelectMultiple,
            "instructors": forms.CheckboxSelectMultiple,
        }
        labels = {"starts_on": "Starts on", "instructors": "Co-instructors"}
        help_texts = {
            "courses": "Only courses where you may manage students are listed.",
            "instructors": "People credited on those courses; you stay an instructor.",
            "archived": "An archived cohort stays readable but is listed last.",
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        courses = manageable_courses(user).order_by("title")
        self.fields["courses"].queryset = courses
        self.fields["courses"].required = False
        colleagues = credited_colleagues(courses).exclude(pk=user.pk)
        self.fields["instructors"].queryset = colleagues
        self.fields["instructors"].required = False
        self.fields["instructors"].label_from_instance = lambda person: (
            f"{person.get_full_name() or person.email} ({person.email})"
        )
        if not self.instance.pk:
            del self.fields["archived"]
        self.kept_courses, self.kept_instructors = [], []
        if self.instance.pk:
            self.kept_courses = list(self.instance.courses.exclude(pk__in=courses))
            self.kept_instructors = list(self.instance.instructors.exclude(pk__in=colleagues))

    def clean(self):
        data = super().clean()
        courses = list(data.get("courses") or []) + self.kept_courses
        if not courses:
            self.add_error("courses", "Choose at least one course.")
        data["courses"] = courses
        data["instructors"] = list(data.get("instructors") or []) + self.kept_instructors
        return data


class UploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text=(
            f"Columns: email, name (a header line is optional). UTF-8, at most 1 MB and "
            f"{MAX_ROWS:,} rows."
        ),
        error_messages={"required": "Choose a CSV file to upload."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(
                f"The file is {filesizeformat(upload.size)}; upload at most 1 MB at a time."
            )
        raw = upload.read()
        if b"\x00" in raw:
            raise ValidationError("This is not a text file; save the sheet as CSV UTF-8.")
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise ValidationError(
                f"Line {line} is not UTF-8 text. Save the file as UTF-8 (in Excel: "
                "“CSV UTF-8”) and upload it again."
            ) from None


class ConfirmImportForm(forms.Form):
    """The previewed file, signed for this cohort and user: confirming imports that
    file, re-checked then, and nothing a browser could have edited."""

    payload = forms.CharField(widget=forms.HiddenInput)
    MAX_AGE = 3600

    def __init__(self, *args, cohort, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.salt = f"instructors.cohort-import.{cohort.pk}.{user.pk}"

    def sign(self, text):
        return signing.dumps({"text": text}, salt=self.salt, compress=True)

    def clean_payload(self):
        try:
            data = signing.loads(self.cleaned_data["payload"], salt=self.salt, max_age=self.MAX_AGE)
        except signing.BadSignature:
            raise ValidationError(
                "This preview has expired or was changed; upload the file again."
            ) from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise ValidationError("This preview is incomplete; upload the file again.")
        return data["text"]


class RemoveMemberForm(forms.Form):
    drop_enrollments = forms.BooleanField(
        required=False,
        label="Also drop them from the cohort's courses",
        help_text=(
            "Their enrollments become dropped (their progress is kept, should they come "
            "back). Only the courses where you may manage students."
        ),
    )
