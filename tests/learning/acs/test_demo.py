"""The demo ACS subset: the five promised tasks with the FAA's exact words, loaded through
the importer's write path, the same rows however often it runs."""

from io import StringIO

import pytest

from demo.loaders import acs as demo
from learning.acs.models import AcsArea, AcsElement, AcsStandard, AcsTask
from tests.conftest import require

from .test_import_pdf import PDF

pytestmark = pytest.mark.django_db

TASKS = ["PA.I.B", "PA.I.C", "PA.I.E", "PA.IX.C", "PA.XI.A"]


def counts():
    return (
        AcsStandard.objects.count(),
        AcsArea.objects.count(),
        AcsTask.objects.count(),
        AcsElement.objects.count(),
        AcsElement.objects.filter(archived=True).count(),
    )


def test_demo_loads_the_promised_tasks_once():
    out = StringIO()
    demo.load(out)
    first = counts()
    demo.load(StringIO())
    assert counts() == first
    assert list(AcsTask.objects.values_list("code", flat=True)) == TASKS
    standard = AcsStandard.objects.get()
    assert (standard.code, standard.document_id, standard.slug) == ("PA", "FAA-S-ACS-6C", "pa")
    assert str(standard.revision_date) == "2023-11-01"
    assert [area.code for area in AcsArea.objects.all()] == ["PA.I", "PA.IX", "PA.XI"]
    assert "Area I: " in out.getvalue()


def test_demo_text_matches_the_faa_wording():
    demo.load(StringIO())
    weather = AcsTask.objects.get(code="PA.I.C")
    assert weather.title == "Weather Information"
    assert weather.references == (
        "14 CFR part 91; AC 91-92; AIM; FAA-H-8083-2, FAA-H-8083-3, FAA-H-8083-25, FAA-H-8083-28"
    )
    k2g = AcsElement.objects.get(code="PA.I.C.K2g")
    assert k2g.parent.code == "PA.I.C.K2"
    assert k2g.text == (
        "Inflight Aviation Weather Advisories including Airmen's Meteorological Information "
        "(AIRMET), Significant Meteorological Information (SIGMET), and Convective SIGMET"
    )
    assert AcsElement.objects.get(code="PA.I.E.S3").text == (
        "Identify the requirements for operating in SUA or within a TFR. Identify and comply "
        "with special air traffic rules (SATR) and SFRA operations, if applicable."
    )
    night = AcsElement.objects.filter(task__code="PA.XI.A")
    assert set(night.values_list("kind", flat=True)) == {"K", "R"}
    assert night.get(code="PA.XI.A.R7").text == "Inoperative equipment."
    archived = AcsElement.objects.filter(archived=True).values_list("code", flat=True)
    assert sorted(archived) == [f"PA.IX.C.K1{letter}" for letter in "abcd"]


def test_every_demo_sub_element_has_its_parent():
    demo.load(StringIO())
    for element in AcsElement.objects.filter(code__regex=r"[a-z]$").select_related("parent"):
        assert element.parent is not None
        assert element.code.startswith(element.parent.code)
        assert element.parent.task_id == element.task_id


def test_with_the_pdf_the_demo_imports_the_whole_standard_and_the_subset_keeps_it():
    require(PDF.exists(), f"the FAA ACS PDF is not at {PDF}")
    demo.load(StringIO())
    subset_ids = dict(AcsElement.objects.values_list("code", "pk"))
    demo.load(StringIO(), acs_pdf=PDF)
    full = counts()
    assert full[1:4] == (12, 61, 1192)
    # The subset's rows were updated in place, not duplicated.
    assert {code: pk for code, pk in AcsElement.objects.values_list("code", "pk")
            if code in subset_ids} == subset_ids  # fmt: skip
    demo.load(StringIO())  # the subset alone speaks only for its five tasks
    assert counts() == full
