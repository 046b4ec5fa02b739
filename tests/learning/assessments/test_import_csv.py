"""CSV import and export: the documented columns for every question type, numbered errors
that import nothing, spreadsheet quirks (BOM, formulas, quoted line breaks), the limits,
and an export that imports back to the same bank."""

import csv
import io
from decimal import Decimal

from django.urls import reverse

import pytest

from learning.acs.models import AcsElement
from learning.assessments.admin.bank_views import save_bank
from learning.assessments.admin.csv_bank import export_csv, parse_csv
from learning.assessments.factories import make_assessment
from learning.assessments.forms import html_to_text
from learning.assessments.models import Question
from tests.learning.assessments.test_import_gift import bank_spec, confirm, post_file

HEADER = "type,question,answers,points,explanation,feedback,acs_codes,case_sensitive\n"
GOOD = HEADER + (
    "single,Which airspace needs a clearance?,*Class B|Class C|Class E,2,Only B.,"
    "Right|Contact is enough|,PA.I.E.K1,\n"
    'multiple,"Needed in Class C?\nChoose all that apply.",*Radio|*Transponder|Clearance,,,,,\n'
    "true_false,VFR in Class B is clear of clouds.,true,,,,,\n"
    "true_false,Class G needs a radio.,True|*False,,,,,\n"
    "short_answer,What does METAR stand for?,"
    "Meteorological Aerodrome Report|aviation routine weather report,,,,,yes\n"
    "numeric,Lowest temperature?,'-40:0.5,,,,,\n"
    "numeric,Minutes for a standard rate 360?,1..3,,,,,\n"
    "single,Escapes,\\*star|a\\|b|*c\\\\d,,,,,\n"
)


def csv_of(*rows, header=HEADER):
    return header + "".join(row + "\n" for row in rows)


def test_every_question_type_is_read():
    bank = parse_csv(GOOD)
    assert bank.errors == []
    kinds = [q.kind for q in bank.questions]
    assert kinds == [
        "single",
        "multiple",
        "true_false",
        "true_false",
        "short_answer",
        "numeric",
        "numeric",
        "single",
    ]
    single, multiple, true, false, short, cold, turn, escaped = bank.questions
    assert (single.points, single.explanation, single.acs_codes) == (2, "Only B.", "PA.I.E.K1")
    assert [(c.text, c.correct, c.explanation) for c in single.choices] == [
        ("Class B", True, "Right"),
        ("Class C", False, "Contact is enough"),
        ("Class E", False, ""),
    ]
    assert multiple.text == "<p>Needed in Class C?</p><p>Choose all that apply.</p>"
    assert [c.correct for c in multiple.choices] == [True, True, False]
    assert [(c.text, c.correct) for c in true.choices] == [("True", True), ("False", False)]
    assert [c.correct for c in false.choices] == [False, True]
    assert short.accepted == ["Meteorological Aerodrome Report", "aviation routine weather report"]
    assert short.case_sensitive
    assert (cold.numeric_answer, cold.numeric_tolerance) == (Decimal(-40), Decimal("0.5"))
    assert (turn.numeric_answer, turn.numeric_tolerance) == (Decimal(2), Decimal(1))
    assert [(c.text, c.correct) for c in escaped.choices] == [
        ("*star", False),
        ("a|b", False),
        ("c\\d", True),
    ]
    assert [q.line for q in bank.questions] == [2, 3, 5, 6, 7, 8, 9, 10]


def test_only_the_required_columns_in_any_order_and_an_excel_bom():
    bank = parse_csv("\ufeffAnswers,Type,Question\n*A|B,single,Pick one\n")
    assert bank.errors == []
    assert bank.questions[0].points == 1
    assert bank.questions[0].text == "<p>Pick one</p>"


def test_html_in_a_cell_is_stored_as_text():
    bank = parse_csv(csv_of("true_false,<img src=x onerror=alert(1)>,false"))
    assert bank.questions[0].text == "<p>&lt;img src=x onerror=alert(1)&gt;</p>"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            csv_of("single,Pick,*A|*B|C"),
            "line 2: a single-choice question needs exactly one right answer (it has 2)",
        ),
        (
            csv_of("single,Ok,*A|B", "single,Pick,A|B"),
            "line 3: a single-choice question needs exactly one right answer (it has 0)",
        ),
        (
            csv_of("multiple,Pick,A|B"),
            "line 2: a multiple-choice question needs at least one right answer",
        ),
        (
            csv_of("true_false,Pick,*A|B|C"),
            "line 2: a true/false question needs exactly two choices (it has 3)",
        ),
        (
            csv_of("single,Pick,*A"),
            "line 2: a choice question needs at least two choices (it has 1)",
        ),
        (csv_of("single,Pick,"), "line 2: a choice question needs at least two choices (it has 0)"),
        (csv_of("single,Pick,*A||B"), "line 2: a choice is empty"),
        (
            csv_of("short_answer,Say,"),
            "line 2: a short-answer question needs at least one accepted answer",
        ),
        (csv_of("numeric,How far?,far"), "line 2: “far” is not a number"),
        (csv_of("numeric,How far?,"), "line 2: “” is not a number"),
        (csv_of("numeric,How far?,1.23456"), "line 2: “1.23456” needs at most 10 digits"),
        (csv_of("numeric,How far?,3..1"), "line 2: the range 3..1 runs backwards"),
        (csv_of("essay,Tell me,"), "line 2: unknown question type “essay”"),
        (csv_of("single,Pick,*A|B,many"), "line 2: points must be a whole number"),
        (csv_of("single,Pick,*A|B,0"), "line 2: points must be from 1 to 100"),
        (csv_of("single,Pick,*A|B,,,a|b|c"), "line 2: there are 3 feedback entries for 2 choices"),
        (csv_of("short_answer,Say,x,,,,,maybe"), "line 2: case_sensitive must be yes or no"),
        (csv_of("single,Pick,*A|B,1,,,,,extra"), "line 2: this row has more cells"),
        (csv_of("single,," + "x" * 501 + "|*B"), "line 2: the question has no text"),
        (
            csv_of("single,Pick,*" + "x" * 501 + "|B"),
            "line 2: a choice or its feedback is longer than 500",
        ),
        (csv_of('single,"Pick,*A|B'), "line 2: this row can't be read as CSV"),
        (
            "type,question\nsingle,Pick\n",
            "line 1: the header row needs the columns type, question, answers (missing: answers)",
        ),
        ("type,question,answer\n", "line 1: unknown column “answer”"),
        ("type,question,answers,type\n", "line 1: a column appears twice"),
        (HEADER, "The file has a header row but no questions."),
        ("\n\n", "The file has no rows"),
    ],
)
def test_a_bad_row_is_reported_by_line(text, error):
    bank = parse_csv(text)
    assert any(message.startswith(error) for message in bank.errors), bank.errors


def test_the_line_counts_quoted_line_breaks():
    bank = parse_csv(csv_of('single,"Two\nlines",*A|B', "single,Bad,A|B"))
    assert bank.errors == [
        "line 4: a single-choice question needs exactly one right answer (it has 0)."
    ]


def test_more_than_a_thousand_rows_are_refused():
    rows = ["true_false,Q,true"] * 1001
    assert parse_csv(csv_of(*rows)).errors == [
        "The file has 1,001 questions; import at most 1,000 at a time."
    ]


def test_export_imports_back_to_the_same_bank(db, assessment):
    questions = Question.objects.filter(assessment=assessment).prefetch_related("choices")
    first = questions.first()
    first.explanation = '=SUM(A1) is not a formula here,\nand "quotes" survive.'
    first.points = 4
    first.acs_elements.set(AcsElement.objects.filter(code="PA.I.E.K1"))
    first.save()
    first.choices.update(explanation="Why | because")
    first.choices.filter(is_correct=False).update(text="-40 | *minus*")
    short = questions.get(question_type="short_answer")
    short.case_sensitive = True
    short.save()
    text = export_csv(questions)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["type", "question", "answers"]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    bank = parse_csv(text.lstrip("\ufeff"))
    assert bank.errors == []
    copy = make_assessment(None, title="Copy")
    save_bank(copy, bank, replace=False)
    copied = copy.questions.prefetch_related("choices")
    assert bank_spec(copied) == bank_spec(questions)
    assert copied.get(question_type="short_answer").case_sensitive


@pytest.mark.django_db
def test_a_good_file_is_previewed_then_imported(admin_client, assessment):
    preview = post_file(admin_client, assessment, GOOD, file_format="csv", name="bank.csv")
    html = preview.content.decode()
    assert "The file holds 8 questions (CSV)" in html
    assert "2 true / false" in html
    assert assessment.questions.count() == 5
    assert confirm(admin_client, assessment, preview).status_code == 302
    questions = list(assessment.questions.order_by("sort_order"))
    assert len(questions) == 13
    assert html_to_text(questions[5].text) == "Which airspace needs a clearance?"


@pytest.mark.django_db
def test_a_file_with_one_bad_row_imports_nothing(admin_client, assessment):
    text = GOOD + "single,Two right,*A|*B,,,,,\n"
    response = post_file(admin_client, assessment, text, file_format="csv")
    html = response.content.decode()
    assert "Nothing was imported: 1 problem to fix" in html
    assert "line 11: a single-choice question needs exactly one right answer (it has 2)" in html
    assert assessment.questions.count() == 5


@pytest.mark.django_db
def test_non_utf8_and_oversized_files_are_refused(admin_client, assessment):
    latin = post_file(
        admin_client, assessment, csv_of("true_false,Caf\xe9,true").encode("cp1252"), "csv"
    )
    assert "Line 2 is not UTF-8 text" in latin.content.decode()
    big = post_file(admin_client, assessment, csv_of(*["true_false,Q,true"] * 70_000), "csv")
    assert "import at most 1 MB" in big.content.decode()
    assert assessment.questions.count() == 5


@pytest.mark.django_db
def test_drawing_more_than_the_bank_would_hold_is_refused(admin_client, assessment):
    assessment.questions_per_attempt = 5
    assessment.save()
    response = post_file(admin_client, assessment, csv_of("true_false,Q,true"), "csv", "replace")
    assert "Each attempt draws 5 questions but the bank would have 1" in response.content.decode()
    assert assessment.questions.count() == 5


@pytest.mark.django_db
def test_export_view_downloads_csv(admin_client, assessment):
    response = admin_client.get(reverse("assessments_export", args=[assessment.pk, "csv"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="airspace-quiz-questions.csv"'
    text = response.content.decode("utf-8-sig")
    assert "single,Which airspace needs a clearance to enter?,*Class B|Class E|Class G" in text
    assert "numeric,Standard pressure in inches of mercury?,29.92:0.01" in text
