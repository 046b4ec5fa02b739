"""ACS codes typed by people ("pa.i.d.k3A, PA.I.E.K1") -> the elements they name.

Every place that tags content with the ACS (lesson and question editors, flashcard forms,
imports) parses codes here, so an unknown or archived code is refused the same way.
"""

import re

from django import forms
from django.core.exceptions import ValidationError

ELEMENT_CODE = re.compile(r"^[A-Z]{2,3}\.[IVXL]+\.[A-Z]\.[KRS]\d{1,2}[a-z]?$")
SEPARATORS = re.compile(r"[,;\s]+")
SUB_LETTER = re.compile(r"^(.*\d)([A-Za-z])$")
MAX_CODES = 40


def normalize_code(code):
    """'pa.i.d.k3A' -> 'PA.I.D.K3a': capitals, except the sub-letter after a number."""
    match = SUB_LETTER.match(code)
    if match:
        return match.group(1).upper() + match.group(2).lower()
    return code.upper()


def split_codes(raw):
    """The normalized codes in the order typed, each once."""
    codes = []
    for piece in SEPARATORS.split(raw or ""):
        code = normalize_code(piece) if piece else ""
        if code and code not in codes:
            codes.append(code)
    return codes


def elements_for_codes(raw):
    """The current (not archived) AcsElements named in ``raw``, in the order typed.

    Raises ValidationError naming every malformed or unknown code.
    """
    from .models import AcsElement

    codes = split_codes(raw)
    if len(codes) > MAX_CODES:
        raise ValidationError(f"Tag at most {MAX_CODES} ACS elements.")
    malformed = [code for code in codes if not ELEMENT_CODE.match(code)]
    if malformed:
        raise ValidationError(
            "Not an ACS element code: %(codes)s (expected e.g. PA.I.D.K3a).",
            params={"codes": ", ".join(malformed)},
        )
    found = {
        element.code: element
        for element in AcsElement.objects.filter(code__in=codes, archived=False)
    }
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise ValidationError(
            "No current ACS element has the code %(codes)s.",
            params={"codes": ", ".join(unknown)},
        )
    return [found[code] for code in codes]


class AcsElementCodesField(forms.CharField):
    """A text box of element codes; cleans to a list of AcsElements (possibly empty)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 1_000)
        kwargs.setdefault("label", "ACS elements")
        kwargs.setdefault("help_text", "Codes separated by commas, e.g. PA.I.E.K1, PA.I.E.K3a.")
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(getattr(element, "code", str(element)) for element in value)
        return value

    def clean(self, value):
        return elements_for_codes(super().clean(value))
