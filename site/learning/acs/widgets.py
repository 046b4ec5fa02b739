"""The editors' ACS tagging field: element codes typed as text, saved as an M2M.

A multi-select of ~1,000 elements is unusable, so lesson and question editors get a
text box of codes ("PA.I.E.K1, PA.I.E.K3a") that codes.elements_for_codes cleans: an
unknown, malformed or archived code is a form error naming it, and nothing is saved.
acs-autocomplete.js adds suggestions from /acs/elements/search/; without JS it is a
plain text box.
"""

from django import forms
from django.urls import reverse_lazy

from .codes import MAX_CODES, elements_for_codes, split_codes
from .models import AcsElement


class AcsCodesInput(forms.TextInput):
    """Shows the tagged elements' codes; posts back the text as typed."""

    def __init__(self, attrs=None):
        defaults = {
            "class": "acs-codes-input",
            "autocomplete": "off",
            "spellcheck": "false",
            "placeholder": "e.g. PA.I.E.K1, PA.I.E.K3a",
            "data-acs-autocomplete": "",
            "data-search-url": reverse_lazy("acs_element_search"),
        }
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        if value is None or isinstance(value, str):
            return value or None
        items = list(value)
        if not items:
            return None
        if all(isinstance(item, AcsElement) for item in items):
            return ", ".join(item.code for item in items)
        ids = [getattr(item, "pk", item) for item in items]
        codes = dict(AcsElement.objects.filter(pk__in=ids).values_list("pk", "code"))
        return ", ".join(codes[pk] for pk in ids if pk in codes)

    class Media:
        js = ["js/acs-autocomplete.js"]


class AcsElementsField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField (so Wagtail builds and saves it like any M2M) that reads
    codes instead of ids and cleans them with the shared ACS rules."""

    widget = AcsCodesInput

    def __init__(self, queryset=None, **kwargs):
        kwargs.pop("widget", None)
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            f"Up to {MAX_CODES} ACS element codes separated by commas, e.g. PA.I.E.K1.",
        )
        super().__init__(queryset if queryset is not None else AcsElement.objects.all(), **kwargs)
        self.widget = AcsCodesInput()

    def prepare_value(self, value):
        return value

    def clean(self, value):
        if not isinstance(value, str):
            value = ""
        if len(value) > 1_000:
            raise forms.ValidationError("Type at most 1,000 characters of ACS codes.")
        elements = elements_for_codes(value.replace("\x00", ""))
        if self.required and not elements:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return elements

    def has_changed(self, initial, data):
        before = self.widget.format_value(initial) or ""
        after = data if isinstance(data, str) else ""
        return split_codes(before) != split_codes(after)
