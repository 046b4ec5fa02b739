"""Grading, on the server only: how many points an answer to a question earns.

Pure functions over a question (its type, choices and accepted answers) and what the
learner sent, so every rule is tested without a database: 0 <= points <= question
points, and the right answer always earns full points.
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .models.bank import QuestionType

WHITESPACE = re.compile(r"\s+")
MAX_EXPONENT = 20


@dataclass(frozen=True)
class Grade:
    correct: bool
    points: Decimal


def normalize_text(text, case_sensitive=False, ignore_whitespace=True):
    text = unicodedata.normalize("NFKC", text or "")
    if ignore_whitespace:
        text = WHITESPACE.sub(" ", text).strip()
    return text if case_sensitive else text.casefold()


def parse_number(text):
    """A learner's number ("1,200", " 3.5 ", "-2"), or None when it is not one."""
    cleaned = (text or "").strip().replace(",", "")
    try:
        value = Decimal(cleaned)
    except (InvalidOperation, ValueError):
        return None
    # 1e999999999 is a Decimal too, but subtracting from it overflows: no real answer
    # needs more than a few digits either side of the point.
    if not value.is_finite() or not -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT:
        return None
    return value


def is_correct(question, correct_choice_ids, selected_ids, text_answer):
    kind = question.question_type
    if kind in (QuestionType.SINGLE, QuestionType.TRUE_FALSE):
        return len(selected_ids) == 1 and set(selected_ids) == set(correct_choice_ids)
    if kind == QuestionType.MULTIPLE:
        return bool(correct_choice_ids) and set(selected_ids) == set(correct_choice_ids)
    if kind == QuestionType.SHORT_ANSWER:
        given = normalize_text(text_answer, question.case_sensitive, question.ignore_whitespace)
        accepted = {
            normalize_text(answer, question.case_sensitive, question.ignore_whitespace)
            for answer in question.accepted_answer_list
        }
        return bool(given) and given in accepted
    if kind == QuestionType.NUMERIC:
        value = parse_number(text_answer)
        if value is None or question.numeric_answer is None:
            return False
        tolerance = question.numeric_tolerance or Decimal("0")
        return abs(value - question.numeric_answer) <= tolerance
    return False


def grade(question, correct_choice_ids, selected_ids=(), text_answer=""):
    """All or nothing per question: full points when right, none otherwise."""
    right = is_correct(question, list(correct_choice_ids), list(selected_ids), text_answer)
    return Grade(right, Decimal(question.points) if right else Decimal("0"))
