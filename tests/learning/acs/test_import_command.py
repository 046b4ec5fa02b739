"""`manage.py import_acs`: the report it prints for the real PDF, and the clear refusal of
anything that is not a readable ACS, with nothing written."""

import os
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from learning.acs.importer.records import ParsedArea, ParsedElement, ParsedStandard, ParsedTask
from learning.acs.models import AcsArea, AcsElement, AcsStandard, AcsTask
from learning.acs.services import AcsImportError, import_standard
from tests.conftest import require

from .test_import_pdf import PDF

pytestmark = pytest.mark.django_db


def nothing_written():
    return not any(model.objects.exists() for model in (AcsStandard, AcsArea, AcsTask, AcsElement))


def run(path):
    out = StringIO()
    call_command("import_acs", str(path), stdout=out)
    return out.getvalue()


def refused(path):
    with pytest.raises(CommandError) as error:
        run(path)
    assert nothing_written()
    return str(error.value)


def test_imports_the_real_pdf_and_reports_counts():
    require(PDF.exists(), f"the FAA ACS PDF is not at {PDF}")
    report = run(PDF)
    assert "FAA-S-ACS-6C, revised 2023-11-01" in report
    assert "12 areas, 61 tasks, 1192 elements" in report
    assert "Area I: 112 K, 33 R, 27 S" in report
    assert "Area XI: 8 K, 7 R, 0 S" in report
    assert "Knowledge (K): 360" in report
    assert "Risk management (R): 391" in report
    assert "Skill (S): 423" in report
    assert "Elements created 1192, updated 0" in report
    assert "18 codes archived by the document" in report

    again = run(PDF)
    assert "Elements created 0, updated 0, unchanged 1192, newly archived 0" in again
    assert AcsElement.objects.count() == 1192


def a_pdf_that_is_not_an_acs(path, title="Quarterly newsletter of the flying club"):
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.drawString(72, 720, title)
    pdf.drawString(72, 700, "Task A.  Wash the airplane")
    pdf.showPage()
    pdf.drawString(72, 720, "PA.I.A.K1 Looks like a code but this is no ACS.")
    pdf.save()
    return path


def test_refuses_a_pdf_that_is_not_an_acs(tmp_path):
    message = refused(a_pdf_that_is_not_an_acs(tmp_path / "newsletter.pdf"))
    assert "no FAA-S-ACS- document number" in message
    # It quotes an ACS number, but has no Areas of Operation with tasks and elements.
    quoting = a_pdf_that_is_not_an_acs(tmp_path / "notes.pdf", "My notes on FAA-S-ACS-6C")
    assert "no Areas of Operation" in refused(quoting)


def test_refuses_a_truncated_copy_of_the_real_pdf(tmp_path):
    require(PDF.exists(), f"the FAA ACS PDF is not at {PDF}")
    data = PDF.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) * 3 // 10])
    assert "truncated" in refused(cut)
    # Cut off but with an end marker glued on: pypdf itself fails, still a clear refusal.
    cut.write_bytes(data[: len(data) * 3 // 10] + b"\n%%EOF\n")
    assert "could not be read as a PDF" in refused(cut)


def test_refuses_random_bytes_an_empty_file_and_a_missing_path(tmp_path):
    noise = tmp_path / "noise.pdf"
    noise.write_bytes(os.urandom(4096))
    assert "is not a PDF" in refused(noise)
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.7\n" + os.urandom(4096) + b"\n%%EOF\n")
    assert "could not be read as a PDF" in refused(fake)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert "is not a PDF" in refused(empty)
    assert "No such file" in refused(tmp_path / "missing.pdf")
    assert "No such file" in refused(Path(tmp_path))  # a directory is not a file


def test_a_failure_part_way_through_the_import_writes_nothing():
    """The standard, area and task rows come first; an orphan sub-element found later
    rolls all of them back."""
    orphan = ParsedElement(code="PA.I.A.K2a", kind="K", text="Orphan", parent_code="PA.I.A.K2")
    task = ParsedTask(
        letter="A", code="PA.I.A", title="Pilot Qualifications", order=1,
        elements=[ParsedElement(code="PA.I.A.K1", kind="K", text="Fine.", order=1), orphan],
    )  # fmt: skip
    parsed = ParsedStandard(
        code="PA",
        title="Private Pilot",
        document_id="FAA-S-ACS-6C",
        areas=[ParsedArea(numeral="I", title="Preflight Preparation", tasks=[task])],
    )
    with pytest.raises(AcsImportError, match=r"PA\.I\.A\.K2a has no parent"):
        import_standard(parsed)
    assert nothing_written()
