"""Admin forms for the oral question bank and mock oral sections.

Instructors tag questions by typing ACS codes (AcsElementCodesField): unknown or archived
codes are refused with their names, the same way every other ACS tag is checked.
"""

from django import forms

from wagtail.admin.forms import WagtailAdminModelForm

from learning.acs.codes import AcsElementCodesField


class OralQuestionForm(WagtailAdminModelForm):
    element_codes = AcsElementCodesField(
        required=True,
        help_text="The ACS elements this question examines, e.g. PA.I.B.K3a, PA.I.B.R1.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["element_codes"] = list(self.instance.elements.order_by("code"))

    def save(self, commit=True):
        """The editor who creates a question is its author; the codes become its elements."""
        question = super().save(commit=False)
        if question.pk is None and question.author_id is None and self.for_user is not None:
            question.author = self.for_user
        if commit:
            question.save()
            self.save_m2m()
            question.elements.set(self.cleaned_data["element_codes"])
        return question


class MockOralSectionForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        standard, tasks = cleaned.get("standard"), cleaned.get("tasks")
        if standard and tasks and any(task.area.standard_id != standard.pk for task in tasks):
            raise forms.ValidationError("Choose tasks of the section's standard only.")
        return cleaned
