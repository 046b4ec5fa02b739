"""Grading rules for every question type, and the invariants that must hold for any
question and any answer (hypothesis). Grading is pure: unsaved questions, no database."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learning.assessments.grading import grade, normalize_text, parse_number
from learning.assessments.models import Question, QuestionType

RIGHT, WRONG, OTHER = 11, 12, 13


def question(kind, points=2, **fields):
    return Question(question_type=kind, text="<p>Q</p>", points=points, **fields)


def short_answer(*accepted, **fields):
    return question(QuestionType.SHORT_ANSWER, accepted_answers="\n".join(accepted), **fields)


def numeric(answer, tolerance):
    return question(
        QuestionType.NUMERIC,
        numeric_answer=Decimal(answer),
        numeric_tolerance=None if tolerance is None else Decimal(tolerance),
    )


@pytest.mark.parametrize("kind", [QuestionType.SINGLE, QuestionType.TRUE_FALSE])
@pytest.mark.parametrize(
    ("selected", "correct"),
    [
        ([RIGHT], True),
        ([WRONG], False),
        ([], False),
        ([RIGHT, WRONG], False),
        ([RIGHT, RIGHT], False),
    ],
)
def test_one_answer_questions(kind, selected, correct):
    result = grade(question(kind), [RIGHT], selected)
    assert result.correct is correct
    assert result.points == (Decimal(2) if correct else Decimal(0))


@pytest.mark.parametrize(
    ("selected", "correct"),
    [
        ([RIGHT, OTHER], True),
        ([OTHER, RIGHT], True),
        ([RIGHT], False),  # partly right is wrong: all or nothing
        ([RIGHT, OTHER, WRONG], False),
        ([WRONG], False),
        ([], False),
    ],
)
def test_multiple_choice_needs_exactly_the_correct_set(selected, correct):
    assert grade(question(QuestionType.MULTIPLE), [RIGHT, OTHER], selected).correct is correct


def test_multiple_choice_without_a_correct_choice_is_never_right():
    assert not grade(question(QuestionType.MULTIPLE), [], []).correct


@pytest.mark.parametrize(
    ("given", "correct"),
    [
        ("Class B", True),
        ("class b", True),
        ("  CLASS   B ", True),
        ("Class\tB", True),
        ("Class C", False),
        ("", False),
        ("   ", False),
        ("Meteorological Aerodrome Report", True),
        ("ClassB", False),
    ],
)
def test_short_answer_ignores_case_and_extra_whitespace_by_default(given, correct):
    q = short_answer("Class B", "Meteorological  Aerodrome Report")
    assert grade(q, [], text_answer=given).correct is correct


def test_short_answer_case_sensitive_needs_the_exact_case():
    q = short_answer("VOR", case_sensitive=True)
    assert grade(q, [], text_answer="VOR").correct
    assert not grade(q, [], text_answer="vor").correct


def test_short_answer_whitespace_counts_when_not_ignored():
    q = short_answer("Class B", ignore_whitespace=False)
    assert grade(q, [], text_answer="Class B").correct
    assert not grade(q, [], text_answer="Class  B").correct


def test_short_answer_unicode_forms_match():
    # A decomposed "é" (e + combining accent), full-width letters and the "ﬁ" ligature.
    q = short_answer("Café", "fire")
    assert grade(q, [], text_answer="Cafe\u0301").correct
    assert grade(q, [], text_answer="ＣＡＦÉ").correct
    assert grade(q, [], text_answer="\ufb01re").correct
    assert normalize_text("STRASSE") == normalize_text("straße")


def test_short_answer_without_accepted_answers_is_never_right():
    assert not grade(short_answer(), [], text_answer="").correct


@pytest.mark.parametrize(
    ("given", "correct"),
    [
        ("29.92", True),
        ("29.91", True),  # exactly on the lower edge
        ("29.93", True),  # exactly on the upper edge
        ("29.9099", False),
        ("29.9301", False),
        (" 29.92 ", True),
        ("2.992e1", True),
        ("29,92", False),  # a comma is a thousands separator: 2992
        ("", False),
        ("abc", False),
        ("29.92 inHg", False),
        ("NaN", False),
        ("inf", False),
        ("-Infinity", False),
    ],
)
def test_numeric_tolerance_edges_and_junk(given, correct):
    assert grade(numeric("29.92", "0.01"), [], text_answer=given).correct is correct


def test_numeric_thousands_separators_and_negative_numbers():
    assert grade(numeric("1200", "0"), [], text_answer="1,200").correct
    assert grade(numeric("-40", "0"), [], text_answer="-40").correct
    assert not grade(numeric("-40", "0"), [], text_answer="40").correct


def test_numeric_without_tolerance_is_exact():
    assert grade(numeric("3", None), [], text_answer="3.000").correct
    assert not grade(numeric("3", None), [], text_answer="3.001").correct


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", Decimal(1200)),
        (" -2 ", Decimal(-2)),
        ("nan", None),
        ("Infinity", None),
        ("", None),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_numeric_question_without_an_answer_is_never_right():
    assert not grade(question(QuestionType.NUMERIC), [], text_answer="0").correct


# Property tests: invariants for any question and any answer.

ids = st.integers(min_value=1, max_value=12)
answer_text = st.text(max_size=40)
numbers = st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False)
tolerances = st.decimals(min_value=0, max_value=1000, places=4, allow_nan=False)
points = st.integers(min_value=1, max_value=100)


@st.composite
def any_question(draw):
    """(question, correct choice ids, the answer that is exactly right)."""
    kind = draw(st.sampled_from(list(QuestionType)))
    q = question(kind, points=draw(points))
    if kind in (QuestionType.SINGLE, QuestionType.TRUE_FALSE):
        right = draw(ids)
        return q, [right], ([right], "")
    if kind == QuestionType.MULTIPLE:
        right = sorted(draw(st.sets(ids, min_size=1, max_size=6)))
        return q, right, (right, "")
    if kind == QuestionType.SHORT_ANSWER:
        q.accepted_answers = "\n".join(draw(st.lists(answer_text, min_size=1, max_size=4)))
        q.case_sensitive = draw(st.booleans())
        q.ignore_whitespace = draw(st.booleans())
        accepted = q.accepted_answer_list
        return q, [], ([], draw(st.sampled_from(accepted)) if accepted else None)
    q.numeric_answer, q.numeric_tolerance = draw(numbers), draw(tolerances)
    return q, [], ([], str(q.numeric_answer))


@given(any_question(), st.lists(ids, max_size=8), answer_text)
def test_points_are_between_zero_and_the_question_points(spec, selected, text):
    q, correct_ids, _ = spec
    result = grade(q, correct_ids, selected, text)
    assert Decimal(0) <= result.points <= q.points
    assert result.points == (q.points if result.correct else 0)


@given(any_question())
def test_the_exact_right_answer_earns_full_points(spec):
    q, correct_ids, (selected, text) = spec
    if text is None:  # every accepted line was blank: nothing can be right
        assert not grade(q, correct_ids, selected, "").correct
        return
    assert grade(q, correct_ids, selected, text).points == q.points


@given(st.sets(ids, min_size=1, max_size=6), st.sets(ids, max_size=8), points)
def test_any_other_selection_on_multiple_choice_earns_nothing(correct, selected, worth):
    result = grade(question(QuestionType.MULTIPLE, points=worth), sorted(correct), selected)
    assert result.points == (worth if selected == correct else 0)
