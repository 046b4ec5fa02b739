"""A question bank as a spreadsheet: one question a row, under a header row.

Columns (any order; the first three are required, the others may be left out):
- type: single, multiple, true_false, short_answer or numeric
- question: the text, plain; each line of the cell is a paragraph
- answers: choices separated by |, a * in front of each right one ("*Class B|Class E");
  true_false also takes just true or false; short_answer: the accepted answers ("VOR|VORTAC");
  numeric: value:tolerance ("29.92:0.01"), a range min..max ("1..2") or a value (exact)
- points (1 to 100, default 1), explanation (shown after submitting),
  feedback (one per choice, in order, separated by |), acs_codes, case_sensitive (yes/no)
Write \\| for a | and \\* for a leading * inside a choice, \\\\ for a backslash. Cells
that a spreadsheet would run as formulas are written with a leading ' and read back
without it, so an exported file imports back to the same bank.
"""

import csv
import io
import re

from core.csv import guard_formula, unguard_formula

from ..forms import (
    MAX_QUESTIONS,
    ParsedBank,
    ParsedChoice,
    ParsedQuestion,
    acs_code_text,
    html_to_text,
    number_text,
    parse_numeric_answer,
    text_to_html,
)
from ..models import QuestionType
from ..models.bank import CHOICE_TYPES

COLUMNS = [
    "type",
    "question",
    "answers",
    "points",
    "explanation",
    "feedback",
    "acs_codes",
    "case_sensitive",
]
REQUIRED = ["type", "question", "answers"]
TYPE_ALIASES = {"single_choice": "single", "multiple_choice": "multiple", "short": "short_answer"}
YES, NO = {"yes", "y", "true", "1", "x"}, {"", "no", "n", "false", "0"}
MARKS = {"|": "\ue020", "*": "\ue021", "\\": "\ue022"}
ESCAPE = re.compile(r"\\([|*\\])")
WHOLE_NUMBER = re.compile(r"[0-9]{1,3}")
RESTORE = str.maketrans({mark: char for char, mark in MARKS.items()})


class RowError(ValueError):
    pass


def split_cell(cell, starred=True):
    """[(marked right, text)] from "a|*b", honouring the \\| \\* \\\\ escapes."""
    protected = ESCAPE.sub(lambda match: MARKS[match.group(1)], cell)
    items = []
    for part in protected.split("|"):
        part = part.strip()
        marked = starred and part.startswith("*")
        items.append((marked, (part[1:] if marked else part).strip().translate(RESTORE)))
    return items


def escape_item(text):
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    return "\\" + text if text.startswith("*") else text


def parse_csv(text):
    bank = ParsedBank()
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    rows, start = [], 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        bank.error(start, f"This row can't be read as CSV ({error}); check its quotes.")
        return bank
    if not rows:
        bank.errors.append("The file has no rows: it needs a header row and a row per question.")
        return bank
    if len(rows) - 1 > MAX_QUESTIONS:
        bank.too_many(len(rows) - 1)
        return bank
    header_line, header = rows[0]
    names = [name.strip().casefold() for name in header]
    if problem := header_problem(names):
        bank.error(header_line, problem)
        return bank
    for line, row in rows[1:]:
        try:
            question = read_row(line, names, row)
        except RowError as error:
            bank.error(line, str(error))
        else:
            bank.add(question)
    if len(rows) == 1:
        bank.errors.append("The file has a header row but no questions.")
    return bank


def header_problem(names):
    unknown = [name for name in names if name not in COLUMNS]
    if unknown:
        return f"Unknown column “{unknown[0]}”. The columns are: {', '.join(COLUMNS)}."
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        return f"The header row needs the columns {', '.join(REQUIRED)} (missing: {missing[0]})."
    if len(set(names)) != len(names):
        return "A column appears twice in the header row."
    return None


def read_row(line, names, row):
    if len(row) > len(names) and any(cell.strip() for cell in row[len(names) :]):
        raise RowError("This row has more cells than the header row has columns.")
    cells = {name: unguard_formula(value) for name, value in zip(names, row, strict=False)}
    kind = read_type(cells.get("type", ""))
    points = cells.get("points", "").strip() or "1"
    if not WHOLE_NUMBER.fullmatch(points):
        raise RowError(f"Points must be a whole number from 1 to 100 (got “{points}”).")
    flag = cells.get("case_sensitive", "").strip().casefold()
    if flag not in YES | NO:
        raise RowError(f"case_sensitive must be yes or no (got “{flag}”).")
    question = ParsedQuestion(
        line=line,
        kind=kind,
        text=text_to_html(cells.get("question", "")),
        points=int(points),
        explanation=cells.get("explanation", "").strip(),
        acs_codes=cells.get("acs_codes", "").strip(),
        case_sensitive=flag in YES,
    )
    read_answers(question, cells.get("answers", "").strip(), cells.get("feedback", ""))
    return question


def read_type(value):
    name = "_".join(value.strip().casefold().replace("/", " ").replace("-", " ").split())
    name = TYPE_ALIASES.get(name, name)
    if name not in QuestionType.values:
        raise RowError(
            f"Unknown question type “{value.strip()}”: use {', '.join(QuestionType.values)}."
        )
    return name


def read_answers(question, answers, feedback):
    if question.kind == QuestionType.NUMERIC:
        try:
            question.numeric_answer, question.numeric_tolerance = parse_numeric_answer(answers)
        except ValueError as error:
            raise RowError(f"{error} Write the answer as value:tolerance or min..max.") from None
        return
    if question.kind == QuestionType.SHORT_ANSWER:
        question.accepted = [text for _, text in split_cell(answers, starred=False) if text]
        return
    if question.kind == QuestionType.TRUE_FALSE and answers.casefold() in ("true", "false"):
        answers = "*True|False" if answers.casefold() == "true" else "True|*False"
    question.choices = [ParsedChoice(text, right) for right, text in split_cell(answers) if answers]
    notes = [text for _, text in split_cell(feedback, starred=False)] if feedback.strip() else []
    if len(notes) > len(question.choices):
        raise RowError(
            f"There are {len(notes)} feedback entries for {len(question.choices)} choices."
        )
    for choice, note in zip(question.choices, notes, strict=False):
        choice.explanation = note


def row_for(question):
    choices = list(question.choices.all())
    kind = question.question_type
    if kind in CHOICE_TYPES:
        answers = "|".join(("*" if c.is_correct else "") + escape_item(c.text) for c in choices)
    elif kind == QuestionType.SHORT_ANSWER:
        answers = "|".join(escape_item(answer) for answer in question.accepted_answer_list)
    else:
        tolerance = number_text(question.numeric_tolerance) or "0"
        answers = f"{number_text(question.numeric_answer)}:{tolerance}"
    notes = [escape_item(c.explanation) for c in choices] if kind in CHOICE_TYPES else []
    return [
        kind,
        html_to_text(question.text),
        answers,
        question.points,
        question.explanation,
        "|".join(notes) if any(notes) else "",
        acs_code_text(question),
        "yes" if question.case_sensitive else "",
    ]


def export_csv(questions):
    """The bank (questions with prefetched choices) as CSV, with a BOM so Excel reads UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for question in questions:
        writer.writerow([guard_formula(value) for value in row_for(question)])
    return "\ufeff" + buffer.getvalue()
