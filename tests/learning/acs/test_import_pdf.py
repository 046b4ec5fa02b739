"""FAA-S-ACS-6C, the real PDF, parsed and imported: every area and task, sample elements
with the FAA's complete wording, archived codes, and a re-import that changes nothing.

The PDF is parsed once per module (about 1.5 s); each test imports into its own
transaction, which takes well under a second with the bulk write path.
"""

import os
import time
from pathlib import Path

import pytest

from learning.acs.importer import parse_pages, read_pages
from learning.acs.models import AcsArea, AcsElement, AcsStandard, AcsTask
from learning.acs.services import import_standard
from tests.conftest import require

PDF_NAME = "FAA-S-ACS-6C_Private_Pilot_ACS.pdf"


def find_pdf():
    """ACS_PDF if set; else shared/acs/ beside the checkout or the workplace's /work/shared
    (a clean clone for CI may live elsewhere, e.g. /tmp/check)."""
    if os.environ.get("ACS_PDF"):
        return Path(os.environ["ACS_PDF"])
    repository = Path(__file__).resolve().parents[3]
    candidates = [repository.parent / "shared/acs" / PDF_NAME, Path("/work/shared/acs") / PDF_NAME]
    return next((path for path in candidates if path.exists()), candidates[0])


PDF = find_pdf()
REMOVED = [
    "PA.III.A.R3", "PA.IV.A.S10", "PA.IV.I.S5", "PA.IV.K.S7", "PA.VIII.E.K1a", "PA.VIII.E.K1b",
    "PA.VIII.E.K1c", "PA.VIII.E.K1d", "PA.VIII.E.R2", "PA.VIII.E.R6", "PA.VIII.F.S3",
    "PA.IX.C.K1a", "PA.IX.C.K1b", "PA.IX.C.K1c", "PA.IX.C.K1d", "PA.XII.A.R2", "PA.XII.A.S1",
    "PA.XII.B.R2",
]  # fmt: skip
TEXTS = {
    # wraps over two lines
    "PA.I.C.K2": (
        "Acceptable weather products and resources required for preflight planning, current "
        "and forecast weather for departure, en route, and arrival phases of flight such as:"
    ),
    "PA.I.C.K2a": "Airport Observations (METAR and SPECI) and Pilot Observations (PIREP)",
    "PA.I.C.K2g": (
        "Inflight Aviation Weather Advisories including Airmen's Meteorological Information "
        "(AIRMET), Significant Meteorological Information (SIGMET), and Convective SIGMET"
    ),
    # after the page break in the middle of PA.I.C.K3's sub-elements
    "PA.I.C.K3c": "Temperature and heat exchange",
    # a word broken at its hyphen at the end of a line
    "PA.I.H.K4": (
        "Aeronautical Decision-Making (ADM) to include using Crew Resource Management (CRM) or "
        "Single-Pilot Resource Management (SRM), as appropriate."
    ),
    "PA.VI.B.K1": (
        "Ground-based navigation (identification, orientation, course determination, "
        "equipment, tests, regulations, interference, appropriate use of navigation data, and "
        "signal integrity)."
    ),
    "PA.IX.B.R5": (
        "Low altitude maneuvering, including stall, spin, or controlled flight into terrain (CFIT)."
    ),
    "PA.IX.A.S5": (
        "Maintain appropriate airspeed +0/-10 knots, and level off at a specified altitude "
        "±100 feet."
    ),
    # three lines
    "PA.XII.B.S5": (
        "Secure the seaplane considering the effect of wind, waves, and changes in water level, "
        "or comply with applicable after landing, parking, and securing procedures if operating "
        "an amphibious airplane on land."
    ),
    "PA.V.B.S3c": (
        "Turns around a point: enter at an appropriate distance from the reference point, 600 "
        "to 1,000 feet AGL at an appropriate distance from the selected reference area"
    ),
    "PA.XI.A.R5": "Night currency versus proficiency.",
}


@pytest.fixture(scope="module")
def parsed():
    require(PDF.exists(), f"the FAA ACS PDF is not at {PDF}")
    return parse_pages(read_pages(PDF))


@pytest.fixture
def imported(db, parsed):
    return import_standard(parsed)


def test_parses_every_area_and_task(parsed):
    assert [area.numeral for area in parsed.areas] == [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ]  # fmt: skip
    assert len(parsed.tasks) == 61
    assert [task.letter for task in parsed.areas[0].tasks] == list("ABCDEFGHI")
    assert parsed.areas[8].title == "Emergency Operations"
    assert (parsed.code, parsed.document_id, str(parsed.revision_date)) == (
        "PA",
        "FAA-S-ACS-6C",
        "2023-11-01",
    )


def test_import_writes_the_tree(imported):
    assert AcsStandard.objects.get().document_id == "FAA-S-ACS-6C"
    assert AcsArea.objects.count() == 12
    assert AcsTask.objects.count() == 61
    assert AcsElement.objects.count() == 1192
    assert dict(imported.kinds) == {"K": 360, "R": 391, "S": 423}
    assert dict(imported.per_area["XI"]) == {"K": 8, "R": 7}
    assert imported.created == 1192


def test_sample_elements_have_the_complete_faa_wording(imported):
    found = dict(AcsElement.objects.filter(code__in=TEXTS).values_list("code", "text"))
    assert found == TEXTS
    k2a = AcsElement.objects.select_related("parent", "task").get(code="PA.I.C.K2a")
    assert (k2a.parent.code, k2a.kind, k2a.task.code) == ("PA.I.C.K2", "K", "PA.I.C")
    assert list(
        AcsElement.objects.filter(parent__code="PA.I.C.K3").values_list("code", flat=True)
    ) == [f"PA.I.C.K3{letter}" for letter in "abcdefghijkl"]


def test_task_titles_references_and_objectives(imported):
    planning = AcsTask.objects.get(code="PA.I.D")
    assert planning.title == "Cross-Country Flight Planning"
    assert planning.references == (
        "14 CFR part 91; AIM; Chart Supplements; FAA-H-8083-2, FAA-H-8083-3, FAA-H-8083-25; "
        "NOTAMs; VFR Navigation Charts"
    )
    assert planning.objective == (
        "To determine the applicant exhibits satisfactory knowledge, risk management, and "
        "skills associated with cross-country flights and VFR flight planning."
    )
    assert AcsTask.objects.get(code="PA.X.C").title == (
        "One Engine Inoperative (Simulated) (solely by Reference to Instruments) During "
        "Straight-and-Level Flight and Turns (AMEL, AMES)"
    )
    night = AcsTask.objects.get(code="PA.XI.A")
    assert night.references == "AIM; FAA-H-8083-2, FAA-H-8083-3, FAA-H-8083-25; POH/AFM"
    assert not night.elements.filter(kind="S").exists()  # "[Intentionally left blank]."


def test_removed_codes_are_archived_and_the_front_matter_adds_nothing(parsed, imported):
    assert parsed.removed_codes == sorted(REMOVED)
    archived = AcsElement.objects.filter(archived=True)
    assert sorted(archived.values_list("code", flat=True)) == sorted(REMOVED)
    assert set(archived.values_list("text", flat=True)) == {"[Archived]"}
    assert not AcsElement.objects.get(code="PA.IX.C.K1").archived
    # The "added" list names codes without text; the body's elements all have theirs.
    assert not AcsElement.objects.filter(text="").exists()
    assert AcsElement.objects.get(code="PA.I.B.K1e").text == (
        "Owner/Operator and pilot-in-command responsibilities"
    )
    assert "Table of Contents" not in "".join(AcsTask.objects.values_list("title", flat=True))


def test_reimport_changes_nothing_and_restores_edited_text(parsed, imported):
    AcsElement.objects.filter(code="PA.I.E.K2").update(text="Edited by mistake")
    AcsTask.objects.filter(code="PA.I.E").update(objective="")
    ids = set(AcsElement.objects.values_list("pk", flat=True))

    again = import_standard(parsed)

    assert (again.created, again.updated, again.archived) == (0, 1, 0)
    assert (again.tasks_created, again.tasks_updated) == (0, 1)
    assert again.kinds == imported.kinds
    assert set(AcsElement.objects.values_list("pk", flat=True)) == ids
    assert AcsElement.objects.get(code="PA.I.E.K2").text == "Chart symbols."
    assert AcsTask.objects.get(code="PA.I.E").objective.startswith("To determine the applicant")
    assert (AcsArea.objects.count(), AcsTask.objects.count()) == (12, 61)


def test_an_element_the_document_dropped_is_archived_not_deleted(parsed, imported):
    task = AcsTask.objects.get(code="PA.I.A")
    AcsElement.objects.create(task=task, code="PA.I.A.K9", kind="K", text="Old element.")
    again = import_standard(parsed)
    assert again.archived == 1
    assert AcsElement.objects.get(code="PA.I.A.K9").archived


def test_a_code_the_new_revision_archives_keeps_its_old_text(parsed, imported):
    """As if 6B had been imported before: PA.XII.A.S1 was current with real words."""
    AcsElement.objects.filter(code="PA.XII.A.S1").update(archived=False, text="Old words.")
    again = import_standard(parsed)
    assert (again.archived, again.updated) == (1, 1)
    element = AcsElement.objects.get(code="PA.XII.A.S1")
    assert (element.archived, element.text) == (True, "Old words.")


def test_full_import_is_fast_and_takes_a_bounded_number_of_queries(
    db, parsed, django_assert_max_num_queries
):
    started = time.monotonic()
    # Batches of at most 400 rows; SQLite caps the parameters of one statement, so its
    # batches of the 15-column element rows are smaller: still a bounded number.
    with django_assert_max_num_queries(40):
        import_standard(parsed)
    assert time.monotonic() - started < 20
    with django_assert_max_num_queries(10):  # nothing changed: reads only
        import_standard(parsed)
