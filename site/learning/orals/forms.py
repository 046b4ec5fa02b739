"""Admin forms for the oral question bank, scenarios and mock oral sections, and the
learner's start form.

Instructors tag questions by typing ACS codes (AcsElementCodesField): unknown or archived
codes are refused with their names, the same way every other ACS tag is checked.
"""

from django import forms

from wagtail.admin.forms import WagtailAdminModelForm

from learning.acs.codes import AcsElementCodesField
from learning.acs.models import AcsElement, AirplaneClass

from .knowledge_test import MAX_CODES, codes_in
from .models import Scenario


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


class MockOralStartForm(forms.Form):
    """What a learner adds to the scope when planning a mock oral: the class trained in,
    a scenario, and the codes of their Airman Knowledge Test Report. An unknown code is
    named in the error and everything typed is shown again."""

    airplane_class = forms.ChoiceField(
        label="Airplane class",
        choices=AirplaneClass.choices,
        initial=AirplaneClass.ASEL,
        help_text="The class you train in.",
    )
    scenario = forms.TypedChoiceField(
        label="Scenario", coerce=int, required=False, empty_value=None
    )
    knowledge_test = forms.CharField(
        label="Codes from your knowledge test report",
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Type the ACS codes listed on your Airman Knowledge Test Report, or "
        "paste the report's text: we pick out codes such as PA.I.C.K2. Each one is asked.",
    )

    def __init__(self, *args, standard=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.standard = standard
        self.scenarios = list(
            Scenario.objects.filter(standard=standard, is_active=True).order_by(
                "airplane_class", "title"
            )
        )
        self.fields["scenario"].choices = [("", "Chosen for you")] + [
            (scenario.pk, f"{scenario.title} ({scenario.airplane_class})")
            for scenario in self.scenarios
        ]

    def clean_knowledge_test(self):
        codes = codes_in(self.cleaned_data["knowledge_test"])
        if len(codes) > MAX_CODES:
            raise forms.ValidationError(f"Enter at most {MAX_CODES} codes.")
        known = set(
            AcsElement.objects.filter(
                task__area__standard=self.standard, code__in=codes, archived=False
            ).values_list("code", flat=True)
        )
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise forms.ValidationError(
                "Not a current element of %(standard)s: %(codes)s. Check the codes on your report.",
                params={"standard": self.standard.title, "codes": ", ".join(unknown)},
            )
        if self.cleaned_data["knowledge_test"].strip() and not codes:
            raise forms.ValidationError("We found no ACS code (such as PA.I.C.K2) in that text.")
        return codes

    def clean(self):
        cleaned = super().clean()
        scenario_id, airplane_class = cleaned.get("scenario"), cleaned.get("airplane_class")
        scenario = next((s for s in self.scenarios if s.pk == scenario_id), None)
        if scenario is not None and airplane_class and scenario.airplane_class != airplane_class:
            self.add_error(
                "scenario",
                f"That scenario is flown in an {scenario.airplane_class}; choose one for "
                "your class or let us choose.",
            )
        return cleaned
