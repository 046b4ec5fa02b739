"""Moodle GIFT import and export: every question type a real bank uses, numbered errors
that import nothing, the size and encoding limits, the preview-then-confirm flow, and an
export that imports back to the same bank."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from learning.acs.models import AcsElement
from learning.assessments import services
from learning.assessments.admin.bank_views import save_bank
from learning.assessments.admin.gift import export_gift, parse_gift
from learning.assessments.factories import make_assessment
from learning.assessments.forms import acs_code_text, html_to_text
from learning.assessments.models import Assessment, Question
from learning.enrollments.factories import enroll

GOOD = """\
// An airspace bank, as Moodle exports it.
$CATEGORY: $course$/top/Airspace

// points: 2
// acs: PA.I.E.K1
::Clearance:: Which airspace needs a clearance to enter? {
    =Class B#Right: "cleared into the Class Bravo".
    ~Class C#Contact is enough.
    ~Class E
    ####Only Class B needs a clearance.
}

Which are required in Class C? {~%50%Two-way radio ~%50%Mode C transponder ~%-100%A clearance}

VFR in Class B means clear of clouds. {TRUE#It is, in Class B.#Yes.}

Class G never needs a radio. {F}

What does METAR stand for? {
    =Meteorological Aerodrome Report =%100%aviation routine weather report =%0%weather
}

Standard pressure in inches of mercury? {#29.92:0.01}

A standard rate turn takes how many minutes for 360 degrees? {#1..3####Two minutes.}

[html]<p>Escapes: \\{ \\} \\= \\~ \\# \\: and <b>bold</b>.</p>\\nA second paragraph. {=a\\=b}

A Cessna 172 burns {~2 =8 ~20} gallons an hour.
"""


def upload(text, name="bank.txt"):
    data = text.encode() if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/plain")


def bank_spec(questions):
    """What a bank means to a learner, comparable across import and export."""
    spec = []
    for q in questions:
        spec.append(
            {
                "type": q.question_type,
                "text": html_to_text(q.text),
                "points": q.points,
                "explanation": q.explanation,
                "acs": acs_code_text(q),
                "accepted": q.accepted_answer_list,
                "numeric": (q.numeric_answer, q.numeric_tolerance),
                "choices": [(c.text, c.is_correct, c.explanation) for c in q.choices.all()],
            }
        )
    return spec


def test_every_question_type_is_read():
    bank = parse_gift(GOOD)
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
        "short_answer",
        "single",
    ]
    first, multiple, true, false, short, exact, ranged, escaped, missing = bank.questions
    assert first.text == "<p>Which airspace needs a clearance to enter?</p>"
    assert (first.points, first.acs_codes, first.line) == (2, "PA.I.E.K1", 6)
    assert first.explanation == "Only Class B needs a clearance."
    assert [(c.text, c.correct, c.explanation) for c in first.choices] == [
        ("Class B", True, 'Right: "cleared into the Class Bravo".'),
        ("Class C", False, "Contact is enough."),
        ("Class E", False, ""),
    ]
    assert [c.correct for c in multiple.choices] == [True, True, False]
    assert [(c.text, c.correct, c.explanation) for c in true.choices] == [
        ("True", True, "Yes."),
        ("False", False, "It is, in Class B."),
    ]
    assert [c.correct for c in false.choices] == [False, True]
    assert short.accepted == ["Meteorological Aerodrome Report", "aviation routine weather report"]
    assert (exact.numeric_answer, exact.numeric_tolerance) == (Decimal("29.92"), Decimal("0.01"))
    assert (ranged.numeric_answer, ranged.numeric_tolerance) == (Decimal(2), Decimal(1))
    assert ranged.explanation == "Two minutes."
    assert escaped.text == "<p>Escapes: { } = ~ # : and bold.</p><p>A second paragraph.</p>"
    assert escaped.accepted == ["a=b"]
    assert missing.text == "<p>A Cessna 172 burns _____ gallons an hour.</p>"


def test_text_from_a_file_is_stored_escaped_never_as_markup():
    bank = parse_gift('<script>alert("x")</script> & <b>friends</b> {T}')
    assert bank.questions[0].text == (
        "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;friends&lt;/b&gt;</p>"
    )


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("Intro\n\nNo answers here.", "line 3: no answer block"),
        (
            "Q1 {T}\n\nPick one {=A =B ~C}",
            "line 3: a single-choice question needs exactly one right answer (it has 2)",
        ),
        (
            "Pick one {~A ~B}",
            "line 1: a single-choice question needs exactly one right answer (it has 0)",
        ),
        ("Q1 {T}\n\nHow far?\n{#abc:1}", "line 4: “abc” is not a number"),
        ("How far? {#5:-1}", "line 1: a tolerance can't be negative"),
        ("How far? {#3..1}", "line 1: the range 3..1 runs backwards"),
        ("How far? {#}", "line 1: no number after #"),
        ("Q1 {T}\n\nOpen {\n=A\n~B", "line 3: the answer block opened here has no }"),
        ("Two blocks {T} and {F}", "line 1: an extra “{”"),
        ("Stray } brace {T}", "line 1: an extra “}”"),
        ("Match {=a -> b =c -> d}", "line 1: matching questions"),
        ("Essay {}", "line 1: an empty answer block"),
        ("Weights {~%x%A ~%50%B}", "line 1: the weight “%x%” is not a number"),
        ("Empty {=A ~}", "line 1: an answer is empty"),
        ("Just text {A ~B}", "line 1: start each answer with ="),
        ("// points: lots\nQ {T}", "line 1: points must be a whole number"),
        ("// points: 500\nQ {T}", "line 2: points must be from 1 to 100"),
        (
            "One choice {=A}\n\nTF {~T}",
            "line 3: a single-choice question needs exactly one right answer",
        ),
        ("", "The file has no questions."),
    ],
)
def test_a_bad_question_is_reported_by_line(text, error):
    bank = parse_gift(text)
    assert any(message.startswith(error) for message in bank.errors), bank.errors


def test_more_than_a_thousand_questions_are_refused():
    bank = parse_gift("\n\n".join(f"Q{n} {{T}}" for n in range(1001)))
    assert bank.errors == ["The file has 1,001 questions; import at most 1,000 at a time."]
    assert len(parse_gift("\n\n".join(f"Q{n} {{T}}" for n in range(1000))).questions) == 1000


def test_export_imports_back_to_the_same_bank(db, assessment):
    questions = Question.objects.filter(assessment=assessment).prefetch_related("choices")
    first = questions.first()
    first.explanation = "Braces {like} these, colons: and #hashes\nover two lines."
    first.points = 3
    first.acs_elements.set(AcsElement.objects.filter(code="PA.III.A.K1"))
    first.save()
    first.choices.update(explanation="Why = because ~ that")
    text = export_gift(assessment, questions)
    bank = parse_gift(text)
    assert bank.errors == []
    copy = make_assessment(None, title="Copy")
    save_bank(copy, bank, replace=False)
    assert bank_spec(copy.questions.prefetch_related("choices")) == bank_spec(questions)
    assert parse_gift(export_gift(copy, copy.questions.all())).questions == bank.questions


# The views ------------------------------------------------------------------------------


def import_url(assessment):
    return reverse("assessments_import", args=[assessment.pk])


def confirm_url(assessment):
    return reverse("assessments_import_confirm", args=[assessment.pk])


def post_file(client, assessment, text, file_format="gift", mode="append", name="bank.txt"):
    return client.post(
        import_url(assessment),
        {"file": upload(text, name), "file_format": file_format, "mode": mode},
    )


def confirm(client, assessment, preview):
    return client.post(
        confirm_url(assessment), {"payload": preview.context["confirm"]["payload"].value()}
    )


@pytest.mark.django_db
def test_a_good_file_is_previewed_then_appended_on_confirmation(admin_client, assessment):
    preview = post_file(admin_client, assessment, GOOD)
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "The file holds 9 questions (Moodle GIFT)" in html
    assert "2 single choice" in html
    assert "Which are required in Class C?" in html
    assert "A Cessna 172" not in html  # only the first few are shown
    assert assessment.questions.count() == 5  # nothing saved yet

    done = confirm(admin_client, assessment, preview)
    assert done.status_code == 302
    questions = list(assessment.questions.order_by("sort_order"))
    assert len(questions) == 14
    assert html_to_text(questions[5].text) == "Which airspace needs a clearance to enter?"
    assert questions[5].choices.get(is_correct=True).text == "Class B"
    assert [e.code for e in questions[5].acs_elements.all()] == ["PA.I.E.K1"]


@pytest.mark.django_db
def test_unknown_or_archived_acs_codes_are_refused_by_line(admin_client, assessment):
    AcsElement.objects.filter(code="PA.I.E.K2").update(archived=True)
    text = (
        "// acs: PA.I.E.K1, PA.IX.Z.K7\nQ1 {T}\n\n"
        "// acs: PA.I.E.K2\nQ2 {T}\n\n"
        "// acs: PA.I.E\nQ3 {T}"
    )
    html = post_file(admin_client, assessment, text).content.decode()
    assert "line 2: no current ACS element has the code PA.IX.Z.K7" in html
    assert "line 5: no current ACS element has the code PA.I.E.K2" in html
    assert "line 8: no current ACS element has the code PA.I.E " in html
    assert assessment.questions.count() == 5


@pytest.mark.django_db
def test_replace_keeps_only_the_imported_questions(admin_client, assessment):
    preview = post_file(admin_client, assessment, GOOD, mode="replace")
    assert "will delete the 5 questions" in preview.content.decode()
    done = admin_client.post(
        confirm_url(assessment),
        {"payload": preview.context["confirm"]["payload"].value()},
        follow=True,
    )
    assert "Imported 9 questions (2 single choice" in done.content.decode()
    assert "replacing the 5 it had" in done.content.decode()
    assert assessment.questions.count() == 9


@pytest.mark.django_db
def test_replace_is_refused_once_learners_have_answered(
    admin_client, assessment, learner, enrolled
):
    services.start_attempt(learner, assessment)
    response = post_file(admin_client, assessment, GOOD, mode="replace")
    assert "replacing the bank would erase their answers" in response.content.decode()
    assert assessment.questions.count() == 5


@pytest.mark.django_db
def test_replace_refused_at_confirmation_if_attempts_started_since_the_preview(
    admin_client, assessment
):
    preview = post_file(admin_client, assessment, GOOD, mode="replace")
    learner = UserFactory()
    enroll(learner, assessment.lesson.course)
    services.start_attempt(learner, assessment)
    response = confirm(admin_client, assessment, preview)
    assert response.status_code == 409
    assert "erase their answers" in response.content.decode()
    assert assessment.questions.count() == 5


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "error"),
    [
        (GOOD + "\nNo answer block at the end.\n", "line 31: no answer block"),
        (
            GOOD.replace("=Class B#", "=Class B#").replace("~Class C#", "=Class C#"),
            "line 6: a single-choice question needs exactly one right answer (it has 2)",
        ),
        (GOOD.replace("{#29.92:0.01}", "{#29.92:a lot}"), "line 23: “a lot” is not a number"),
        (GOOD.replace("gallons an hour.", "gallons {an hour."), "line 29: an extra “{”"),
        (GOOD + "\nUnclosed {=A ~B\n", "line 31: the answer block opened here has no }"),
    ],
)
def test_a_file_with_any_error_imports_nothing(admin_client, assessment, text, error):
    response = post_file(admin_client, assessment, text)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was imported" in html
    assert error in html
    assert "confirm" not in response.context
    assert assessment.questions.count() == 5


@pytest.mark.django_db
def test_non_utf8_and_oversized_files_are_refused(admin_client, assessment):
    latin = post_file(admin_client, assessment, "Q1 {T}\n\nCaf\xe9 {T}".encode("latin-1"))
    assert "Line 3 is not UTF-8 text" in latin.content.decode()
    big = post_file(admin_client, assessment, "Q {T}\n\n" * 150_000)
    assert "import at most 1 MB" in big.content.decode()
    assert "confirm" not in big.context
    assert assessment.questions.count() == 5


@pytest.mark.django_db
def test_a_tampered_or_missing_preview_is_refused(admin_client, assessment):
    preview = post_file(admin_client, assessment, GOOD)
    payload = preview.context["confirm"]["payload"].value()
    response = admin_client.post(confirm_url(assessment), {"payload": payload[:-2] + "xx"})
    assert response.status_code == 400
    assert "upload the file again" in response.content.decode()
    assert admin_client.post(confirm_url(assessment), {}).status_code == 400
    other = make_assessment(None, title="Other quiz")
    assert admin_client.post(confirm_url(other), {"payload": payload}).status_code == 400
    assert admin_client.get(confirm_url(assessment)).status_code == 405
    assert Question.objects.count() == 5


@pytest.mark.django_db
def test_export_view_downloads_gift_that_imports_back(admin_client, assessment):
    response = admin_client.get(reverse("assessments_export", args=[assessment.pk, "gift"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="airspace-quiz-gift.txt"'
    copy = make_assessment(None, title="Copy")
    preview = post_file(admin_client, copy, response.content.decode())
    assert confirm(admin_client, copy, preview).status_code == 302
    originals = assessment.questions.prefetch_related("choices")
    assert bank_spec(copy.questions.prefetch_related("choices")) == bank_spec(originals)
    assert (
        admin_client.get(reverse("assessments_export", args=[assessment.pk, "xlsx"])).status_code
        == 404
    )


@pytest.mark.django_db
def test_export_costs_the_same_for_any_bank_size(admin_client, assessment):
    url = reverse("assessments_export", args=[assessment.pk, "gift"])
    with CaptureQueriesContext(connection) as small:
        admin_client.get(url)
    post_file(admin_client, assessment, GOOD)
    preview = post_file(admin_client, assessment, GOOD)
    confirm(admin_client, assessment, preview)
    with CaptureQueriesContext(connection) as large:
        admin_client.get(url)
    assert Assessment.objects.get().questions.count() == 14
    assert len(large) == len(small)


@pytest.mark.django_db
def test_a_missing_file_or_unknown_options_get_field_errors(admin_client, assessment):
    response = admin_client.post(import_url(assessment), {"file_format": "xlsx", "mode": "merge"})
    form = response.context["form"]
    assert response.status_code == 200
    assert form.errors["file"] == ["Choose a file to import."]
    assert "Select a valid choice" in form.errors["file_format"][0]
    assert "Select a valid choice" in form.errors["mode"][0]
    empty = post_file(admin_client, assessment, b"")
    assert "The submitted file is empty." in empty.context["form"].errors["file"]
    assert assessment.questions.count() == 5
