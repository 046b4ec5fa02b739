"""The demo ACS: the whole FAA-S-ACS-6C from the JSON the site ships (no PDF needed),
loaded through the importer's write path, the same rows however often it runs; the codes
the demo's lessons, flashcards and oral questions are tagged with all exist in it."""

from io import StringIO

import pytest

from demo.loaders import acs as demo
from demo.words import read
from learning.acs.models import AcsArea, AcsElement, AcsStandard, AcsTask
from tests.conftest import require

from .test_import_pdf import PDF

pytestmark = pytest.mark.django_db


def counts():
    return (
        AcsStandard.objects.count(),
        AcsArea.objects.count(),
        AcsTask.objects.count(),
        AcsElement.objects.count(),
        AcsElement.objects.filter(archived=True).count(),
    )


def test_demo_loads_the_whole_standard_once():
    out = StringIO()
    demo.load(out)
    assert counts() == (1, 12, 61, 1192, 18)
    demo.load(StringIO())
    assert counts() == (1, 12, 61, 1192, 18)
    standard = AcsStandard.objects.get()
    assert (standard.code, standard.document_id, standard.slug) == ("PA", "FAA-S-ACS-6C", "pa")
    assert str(standard.revision_date) == "2023-11-01"
    assert "Area XII: " in out.getvalue()


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
    archived = AcsElement.objects.filter(archived=True, task__code="PA.IX.C")
    assert sorted(archived.values_list("code", flat=True)) == [
        f"PA.IX.C.K1{letter}" for letter in "abcd"
    ]


def test_every_demo_sub_element_has_its_parent():
    demo.load(StringIO())
    for element in AcsElement.objects.filter(code__regex=r"[a-z]$").select_related("parent"):
        assert element.parent is not None
        assert element.code.startswith(element.parent.code)
        assert element.parent.task_id == element.task_id


def test_every_code_the_demo_tags_is_a_current_element():
    demo.load(StringIO())
    current = set(AcsElement.objects.filter(archived=False).values_list("code", flat=True))
    tags = read("acs", "tags.json")
    codes = {code for codes in tags["lessons"].values() for code in codes}
    codes |= {code for _tag, codes in tags["cards"] for code in codes}
    codes |= {code for question in read("orals", "questions.json") for code in question["codes"]}
    assert codes
    assert codes <= current


def test_the_demo_takes_the_pdf_too_and_it_changes_nothing():
    require(PDF.exists(), f"the FAA ACS PDF is not at {PDF}")
    demo.load(StringIO())
    ids = dict(AcsElement.objects.values_list("code", "pk"))
    out = StringIO()
    demo.load(out, acs_path=PDF)
    assert "Elements created 0, updated 0, unchanged 1192" in out.getvalue()
    assert dict(AcsElement.objects.values_list("code", "pk")) == ids
