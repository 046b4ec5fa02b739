"""The question bank's upload and confirmation forms (Wagtail admin, bank import).

The upload is read as UTF-8 text within the bank's size limit (forms.MAX_FILE_BYTES); the
confirmation carries the previewed file signed, so the import saves what was previewed.
"""

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from ..forms import MAX_FILE_BYTES


class BankUploadForm(forms.Form):
    file = forms.FileField(
        help_text="UTF-8 text, at most 1 MB and 1,000 questions.",
        error_messages={"required": "Choose a file to import."},
    )
    file_format = forms.ChoiceField(
        label="Format",
        choices=[("gift", "Moodle GIFT"), ("csv", "CSV")],
        initial="gift",
        widget=forms.RadioSelect,
    )
    mode = forms.ChoiceField(
        label="What to do with the questions already in the bank",
        choices=[
            ("append", "Keep them and add the imported questions after them"),
            ("replace", "Delete them and keep only the imported questions"),
        ],
        initial="append",
        widget=forms.RadioSelect,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise ValidationError(
                f"The file is {filesizeformat(upload.size)}; import at most 1 MB at a time "
                "(split the bank into several files)."
            )
        raw = upload.read()
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise ValidationError(
                f"Line {line} is not UTF-8 text. Save the file as UTF-8 (in Excel: “CSV UTF-8”)"
                " and upload it again."
            ) from None


class ConfirmImportForm(forms.Form):
    """The previewed file, carried signed so the confirmed import is what was previewed."""

    payload = forms.CharField(widget=forms.HiddenInput)
    MAX_AGE = 3600

    def __init__(self, *args, assessment, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.salt = f"assessments.import.{assessment.pk}.{user.pk}"

    def sign(self, text, file_format, mode):
        data = {"text": text, "format": file_format, "mode": mode}
        return signing.dumps(data, salt=self.salt, compress=True)

    def clean_payload(self):
        try:
            data = signing.loads(self.cleaned_data["payload"], salt=self.salt, max_age=self.MAX_AGE)
        except signing.BadSignature:
            raise ValidationError(
                "This preview has expired or was changed; upload the file again."
            ) from None
        if data.get("format") not in ("gift", "csv") or data.get("mode") not in (
            "append",
            "replace",
        ):
            raise ValidationError("This preview is incomplete; upload the file again.")
        return data
