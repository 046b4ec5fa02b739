"""The FAA-S-ACS-6C the site ships as JSON (learning/acs/data/): exactly what the parser
reads from the FAA's PDF, imported by `import_acs` with no PDF at hand, and exported again
byte for byte, so regenerating it from the same PDF changes nothing."""

from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from learning.acs.importer import SHIPPED, AcsParseError, dumps, loads, parse_pages, read_pages
from learning.acs.models import AcsArea, AcsElement, AcsStandard, AcsTask
from tests.conftest import require

from .test_import_pdf import PDF, REMOVED, TEXTS


def run(*args):
    out = StringIO()
    call_command("import_acs", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


def nothing_written():
    return not any(model.objects.exists() for model in (AcsStandard, AcsArea, AcsTask, AcsElement))


def test_the_shipped_json_is_exactly_what_the_pdf_parses_to(tmp_path):
    require(PDF.exists(), f"the FAA ACS PDF is not at {PDF}")
    parsed = parse_pages(read_pages(PDF))
    assert loads(SHIPPED.read_text(encoding="utf-8")) == parsed
    out = tmp_path / "FAA-S-ACS-6C.json"
    report = run(PDF, "--export", out)
    assert "12 areas, 61 tasks, 1192 elements" in report
    assert out.read_bytes() == SHIPPED.read_bytes()


def test_exporting_the_shipped_json_again_gives_the_same_bytes_and_imports_nothing(db, tmp_path):
    out = tmp_path / "again.json"
    run(SHIPPED, "--export", out)
    assert out.read_bytes() == SHIPPED.read_bytes()
    assert dumps(loads(SHIPPED.read_text(encoding="utf-8"))) == SHIPPED.read_text(encoding="utf-8")
    assert nothing_written()


@pytest.mark.django_db
def test_import_acs_without_a_path_imports_the_whole_shipped_standard():
    report = run()
    assert "FAA-S-ACS-6C, revised 2023-11-01" in report
    assert "12 areas, 61 tasks, 1192 elements" in report
    assert "Knowledge (K): 360" in report
    assert "Risk management (R): 391" in report
    assert "Skill (S): 423" in report
    assert "18 codes archived by the document" in report
    assert (AcsArea.objects.count(), AcsTask.objects.count(), AcsElement.objects.count()) == (
        12,
        61,
        1192,
    )
    found = dict(AcsElement.objects.filter(code__in=TEXTS).values_list("code", "text"))
    assert found == TEXTS
    archived = AcsElement.objects.filter(archived=True).values_list("code", flat=True)
    assert sorted(archived) == sorted(REMOVED)
    assert AcsElement.objects.get(code="PA.I.C.K2a").parent.code == "PA.I.C.K2"
    again = run(SHIPPED)
    assert "Elements created 0, updated 0, unchanged 1192, newly archived 0" in again


@pytest.mark.django_db
def test_a_json_that_is_not_a_standard_is_refused_with_nothing_written(tmp_path):
    cases = {
        "broken.json": ("{not json", "Not an ACS JSON file"),
        "other.json": ('{"format": 99}', "Unknown ACS JSON format 99"),
        "empty-areas.json": (
            '{"format": 1, "standard": {"code": "PA", "title": "T", "document_id": "D"},'
            ' "areas": []}',
            "no Areas of Operation",
        ),
    }
    for name, (text, message) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(CommandError, match=message):
            run(path)
    with pytest.raises(CommandError, match="No such file"):
        run(tmp_path / "missing.json")
    assert nothing_written()
    with pytest.raises(AcsParseError):
        loads("[]")
