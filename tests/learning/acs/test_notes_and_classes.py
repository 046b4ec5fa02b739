"""Task Notes, airplane classes and the Notes' sub-element minimums: read from the PDF's
text (small pages and the real FAA-S-ACS-6C) and from the shipped JSON alike."""

import pytest

from learning.acs.importer import SHIPPED, loads, parse_pages, read_pages
from learning.acs.importer.notes import element_classes, sub_element_minimums, task_classes
from learning.acs.models import ALL_CLASSES
from tests.conftest import require

from .test_import_pdf import PDF
from .test_parser import PAGES

SEA = "ASES,AMES"
# Task headings with a class mark in FAA-S-ACS-6C (Appendix 1: "The absence of a class
# indicates the Task is for all classes").
MARKED = {
    "PA.I.I": SEA, "PA.II.D": "ASEL,AMEL", "PA.II.E": SEA, "PA.IV.C": "ASEL",
    "PA.IV.D": "ASEL", "PA.IV.E": "ASEL,AMEL", "PA.IV.F": "ASEL,AMEL", "PA.IV.G": SEA,
    "PA.IV.H": SEA, "PA.IV.I": SEA, "PA.IV.J": SEA, "PA.IV.K": SEA, "PA.IV.L": SEA,
    "PA.IV.M": "ASEL,ASES", "PA.IX.B": "ASEL,ASES", "PA.IX.E": "AMEL,AMES",
    "PA.IX.F": "AMEL,AMES", "PA.IX.G": "AMEL,AMES", "PA.X.A": "AMEL,AMES",
    "PA.X.B": "AMEL,AMES", "PA.X.C": "AMEL,AMES", "PA.X.D": "AMEL,AMES",
    "PA.XII.A": "ASEL,AMEL", "PA.XII.B": SEA,
}  # fmt: skip
WEATHER_NOTE = (
    "If K2 is selected, the evaluator must assess the applicant\u2019s knowledge of at least "
    "three sub-elements."
)
CROSSWIND_NOTE = (
    "If a crosswind condition does not exist, the applicant\u2019s knowledge of crosswind "
    "elements must be evaluated through oral testing."
)


@pytest.fixture(scope="module")
def real():
    require(PDF.exists(), f"the FAA ACS PDF is not at {PDF}")
    return parse_pages(read_pages(PDF))


@pytest.fixture(scope="module")
def shipped():
    return loads(SHIPPED.read_text(encoding="utf-8"))


def by_code(parsed):
    return {**{t.code: t for t in parsed.tasks}, **{e.code: e for e in parsed.elements}}


def test_a_wrapped_note_is_kept_verbatim_and_sets_the_minimum():
    parsed = parse_pages(PAGES)
    task = parsed.tasks[0]
    assert task.notes == [
        "If K2 is selected, the evaluator must assess at least three sub-elements."
    ]
    assert [e.min_sub_elements for e in task.elements if e.code.endswith("K2")] == [3]
    assert all(e.min_sub_elements is None for e in task.elements if not e.code.endswith("K2"))
    assert parsed.tasks[1].notes == []


def test_class_marks_and_quantifiers_from_printed_text():
    assert task_classes("Taxiing (ASEL, AMEL)") == "ASEL,AMEL"
    assert task_classes(
        "Approach and Landing with an Inoperative Engine (Simulated)(AMEL, AMES)"
    ) == ("AMEL,AMES")
    assert task_classes("Pilot Qualifications") == ALL_CLASSES
    assert element_classes("Water rudders (ASES, AMES)") == SEA
    assert element_classes("Avoid excessive water spray on the propeller(s) (ASES, AMES).") == SEA
    two = "align on the runway centerline (ASEL, AMEL) or takeoff path (ASES, AMES)."
    assert element_classes(two, "ASEL,ASES") == "ASEL,ASES"
    assert sub_element_minimums([WEATHER_NOTE, CROSSWIND_NOTE]) == {"K2": 3}
    assert sub_element_minimums(
        ["If K1 is selected, the evaluator must assess at least 2 sub-elements."]
    ) == {"K1": 2}


@pytest.mark.parametrize("source", ["real", "shipped"])
def test_the_6c_notes_classes_and_minimums(source, request):
    parsed = request.getfixturevalue(source)
    found = by_code(parsed)
    marked = {t.code: t.airplane_classes for t in parsed.tasks if t.airplane_classes != ALL_CLASSES}
    assert marked == MARKED
    assert found["PA.I.C"].notes == [WEATHER_NOTE, WEATHER_NOTE.replace("K2", "K3")]
    assert found["PA.IV.A"].notes == [CROSSWIND_NOTE]
    assert found["PA.X.D"].notes[1] == (
        "For non-amphibious seaplanes, this task applies only when the applicant has immediate "
        "access to an instrument approach to a waterway."
    )
    # 29 "Note:" lines are printed in the task pages, two tasks carry two
    assert sum(len(task.notes) for task in parsed.tasks) == 29
    assert sum(1 for task in parsed.tasks if task.notes) == 27
    minimums = {e.code: e.min_sub_elements for e in parsed.elements if e.min_sub_elements}
    assert minimums == {"PA.I.C.K2": 3, "PA.I.C.K3": 3, "PA.I.G.K1": 3}
    own = {
        e.code: e.airplane_classes
        for e in parsed.elements
        if e.airplane_classes != found[e.code.rsplit(".", 1)[0]].airplane_classes
    }
    assert own == {"PA.I.G.K1k": SEA, "PA.IV.A.S6a": SEA, "PA.IV.A.S7a": SEA, "PA.IV.A.S8": SEA}
