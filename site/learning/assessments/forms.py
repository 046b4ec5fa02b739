"""What makes a question bank valid, wherever it comes from.

One set of rules checks the admin's nested question and choice forms and every question
a CSV or GIFT import reads, so a file that imports could have been typed in the editor
and the other way round. The limits of an imported file (1 MB, 1,000 questions) are
part of what a bank accepts; the upload forms themselves are in admin/bank_forms.py.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, ROUND_UP, Decimal, InvalidOperation
from html import unescape

from django.core.exceptions import ValidationError
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.html import escape, strip_tags

from wagtail.admin.forms import WagtailAdminModelForm

from learning.acs.codes import split_codes
from learning.acs.models import AcsElement
from learning.courses.models.lesson import LessonType

from .models import Assessment, AttemptAnswer, QuestionType
from .models.bank import CHOICE_TYPES

MAX_FILE_BYTES = 1024 * 1024
MAX_QUESTIONS = 1000
MAX_CHOICE_TEXT = 500
MAX_ACS_CODES = 200
PLACES = Decimal("0.0001")
MAX_NUMBER = Decimal(10) ** 10  # the model keeps 14 digits, 4 after the point
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|div|blockquote)\s*>|<br\s*/?>", re.IGNORECASE)


def question_problems(kind, correct_flags, accepted, numeric_answer, numeric_tolerance):
    """(field name or None for the choices, message) for each rule a question breaks."""
    count, right = len(correct_flags), sum(bool(flag) for flag in correct_flags)
    problems = []
    if kind == QuestionType.TRUE_FALSE and count != 2:
        problems.append(
            (None, f"A true/false question needs exactly two choices (it has {count}).")
        )
    elif kind in CHOICE_TYPES and count < 2:
        problems.append((None, f"A choice question needs at least two choices (it has {count})."))
    if kind == QuestionType.SINGLE and right != 1:
        problems.append(
            (None, f"A single-choice question needs exactly one right answer (it has {right}).")
        )
    if kind == QuestionType.TRUE_FALSE and right != 1:
        problems.append(
            (None, f"A true/false question needs exactly one right answer (it has {right}).")
        )
    if kind == QuestionType.MULTIPLE and right < 1:
        problems.append((None, "A multiple-choice question needs at least one right answer."))
    if kind not in CHOICE_TYPES and count:
        problems.append(
            (None, "Only choice questions have choices: delete them or change the type.")
        )
    if kind == QuestionType.SHORT_ANSWER and not accepted:
        problems.append(
            ("accepted_answers", "A short-answer question needs at least one accepted answer.")
        )
    if kind == QuestionType.NUMERIC:
        if numeric_answer is None:
            problems.append(("numeric_answer", "A numeric question needs the correct number."))
        if numeric_tolerance is None:
            problems.append(
                ("numeric_tolerance", "A numeric question needs a tolerance (0 for exact).")
            )
    return problems


def to_decimal(text):
    try:
        value = Decimal(text.strip())
    except (InvalidOperation, ValueError):
        raise ValueError(f"“{text.strip()}” is not a number.") from None
    if not value.is_finite() or abs(value) >= MAX_NUMBER or value != value.quantize(PLACES):
        raise ValueError(f"“{text.strip()}” needs at most 10 digits before the point and 4 after.")
    return value


def parse_numeric_answer(text):
    """(value, tolerance) from "29.92:0.01", "1..2" (midpoint and half-width) or "3"."""
    if ".." in text:
        low, high = (to_decimal(part) for part in text.split("..", 1))
        if low > high:
            raise ValueError(f"The range {low}..{high} runs backwards: put the smaller first.")
        value = ((low + high) / 2).quantize(PLACES, ROUND_HALF_EVEN)
        return value, max(high - value, value - low).quantize(PLACES, ROUND_UP)
    value, _, tolerance = text.partition(":")
    tolerance = to_decimal(tolerance) if tolerance.strip() else Decimal("0")
    if tolerance < 0:
        raise ValueError("A tolerance can't be negative.")
    return to_decimal(value), tolerance


def number_text(value):
    return format(value.normalize(), "f") if value is not None else ""


def text_to_html(text):
    """Plain text (one paragraph a line) as safe rich text: nothing in a file is markup."""
    paragraphs = (" ".join(line.split()) for line in text.split("\n"))
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs if paragraph)


def html_to_text(html):
    """Rich text as plain text, one line per paragraph (what CSV and GIFT carry)."""
    parts = (" ".join(unescape(strip_tags(part)).split()) for part in BLOCK_END.split(html or ""))
    return "\n".join(part for part in parts if part)


@dataclass
class ParsedChoice:
    text: str
    correct: bool
    explanation: str = ""


@dataclass
class ParsedQuestion:
    line: int
    kind: str
    text: str
    points: int = 1
    explanation: str = ""
    acs_codes: str = ""
    acs_element_ids: list = field(default_factory=list, compare=False)
    choices: list = field(default_factory=list)
    accepted: list = field(default_factory=list)
    case_sensitive: bool = False
    numeric_answer: Decimal | None = None
    numeric_tolerance: Decimal | None = None

    @property
    def type_label(self):
        return QuestionType(self.kind).label

    @property
    def answer_label(self):
        return f"{number_text(self.numeric_answer)} ± {number_text(self.numeric_tolerance)}"


@dataclass
class ParsedBank:
    """What an importer read: the questions, or the numbered reasons to import nothing."""

    questions: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def error(self, line, message):
        self.errors.append(f"line {line}: {message[:1].lower()}{message[1:]}")

    def too_many(self, count):
        self.errors.append(
            f"The file has {count:,} questions; import at most {MAX_QUESTIONS:,} at a time."
        )

    def add(self, question):
        flags = [choice.correct for choice in question.choices]
        problems = [
            message
            for _, message in question_problems(
                question.kind,
                flags,
                question.accepted,
                question.numeric_answer,
                question.numeric_tolerance,
            )
        ]
        problems += length_problems(question)
        for message in problems:
            self.error(question.line, message)
        if not problems:
            self.questions.append(question)

    def counts(self):
        kinds = Counter(question.kind for question in self.questions)
        return [(kind.label, kinds[kind]) for kind in QuestionType if kinds[kind]]


def length_problems(question):
    problems = [] if question.text else ["The question has no text."]
    if not 1 <= question.points <= 100:
        problems.append(f"Points must be from 1 to 100 (got {question.points}).")
    if len(question.acs_codes) > MAX_ACS_CODES:
        problems.append(f"The ACS codes are longer than {MAX_ACS_CODES} characters.")
    for choice in question.choices:
        if not choice.text:
            problems.append("A choice is empty.")
        if max(len(choice.text), len(choice.explanation)) > MAX_CHOICE_TEXT:
            problems.append(
                f"A choice or its feedback is longer than {MAX_CHOICE_TEXT} characters."
            )
    return problems


def resolve_acs_codes(parsed):
    """Check every imported question's ACS codes against the current elements (a query per
    500 codes, not per question), note each question's element ids, and return a numbered
    problem per line naming the codes that are malformed, unknown or archived."""
    wanted = {id(question): split_codes(question.acs_codes) for question in parsed.questions}
    codes = sorted({code for found in wanted.values() for code in found})
    known = {}
    for start in range(0, len(codes), 500):
        batch = codes[start : start + 500]
        known.update(
            AcsElement.objects.filter(code__in=batch, archived=False).values_list("code", "pk")
        )
    problems = []
    for question in parsed.questions:
        unknown = [code for code in wanted[id(question)] if code not in known]
        if unknown:
            problems.append(
                f"line {question.line}: no current ACS element has the code "
                f"{', '.join(unknown)} (expected e.g. PA.I.E.K1)."
            )
        question.acs_element_ids = [known[code] for code in wanted[id(question)] if code in known]
    return problems


def acs_code_text(question):
    """A saved question's element codes as a file carries them ("PA.I.E.K1, PA.I.E.K2")."""
    return ", ".join(element.code for element in question.acs_elements.all())


def live_forms(formset):
    """The formset's forms that will be saved: not deleted, not untouched blanks."""
    for form in formset.forms:
        form.is_valid()
        if form.empty_permitted and not form.has_changed():
            continue
        if formset.can_delete and form.cleaned_data.get(DELETION_FIELD_NAME):
            continue
        yield form


class AssessmentAdminForm(WagtailAdminModelForm):
    """The assessment editor: the bank rules above, on the question they concern."""

    def clean_lesson(self):
        lesson = self.cleaned_data.get("lesson")
        if lesson is None:
            return lesson
        if lesson.lesson_type != LessonType.QUIZ:
            kind = lesson.get_lesson_type_display().lower()
            raise ValidationError(
                f"“{lesson.title}” is a {kind} lesson. Choose a quiz lesson, or change that "
                "lesson's type to Quiz first."
            )
        other = Assessment.objects.filter(lesson=lesson).exclude(pk=self.instance.pk).first()
        if other is not None:
            raise ValidationError(
                f"“{lesson.title}” already has a quiz, “{other.title}”: a lesson has one quiz."
            )
        return lesson

    def clean(self):
        cleaned = super().clean()
        questions = self.formsets.get("questions")
        if questions is None:
            return cleaned
        kept = list(live_forms(questions))
        for form in kept:
            self.check_question(form)
        self.check_deletions([form for form in questions.forms if form not in kept])
        draw = cleaned.get("questions_per_attempt") or 0
        if draw > len(kept):
            self.add_error(
                "questions_per_attempt",
                f"Each attempt draws {draw} questions but the bank has {len(kept)}. Add "
                "questions, or lower this (0 draws them all).",
            )
        return cleaned

    def check_deletions(self, dropped):
        """Deleting a question learners answered would erase their answers and results."""
        ids = [form.instance.pk for form in dropped if form.instance.pk]
        answered = set(
            AttemptAnswer.objects.filter(question_id__in=ids).values_list("question_id", flat=True)
        )
        for form in dropped:
            if form.instance.pk in answered:
                self.add_error(
                    None,
                    f"Learners have answered “{form.instance}”, so it can't be deleted (their "
                    "answers and results would go with it). Keep it, or correct its wording.",
                )

    @staticmethod
    def check_question(form):
        data = form.cleaned_data
        kind = data.get("question_type")
        if not kind:
            return
        choices = form.formsets.get("choices")
        kept = live_forms(choices) if choices is not None else []
        flags = [choice.cleaned_data.get("is_correct") for choice in kept]
        accepted = [line for line in data.get("accepted_answers", "").splitlines() if line.strip()]
        problems = question_problems(
            kind, flags, accepted, data.get("numeric_answer"), data.get("numeric_tolerance")
        )
        for field_name, message in problems:
            if field_name not in form.errors:
                form.add_error(field_name, message)
