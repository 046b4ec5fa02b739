"""Moodle GIFT, the plain-text format instructors already keep question banks in.

Read: questions separated by blank lines; `//` comment lines and `$CATEGORY:` lines
(skipped); an optional `::title::` (not kept); `[html]`, `[markdown]`, `[plain]` or
`[moodle]` before the text (HTML is reduced to its text; every text is stored escaped);
one answer block per question, which may sit mid-sentence ("missing word"):
`{=right ~wrong}` single choice, `{~%50%a ~%50%b ~%-100%c}` multiple choice (positive
weights are right), `{T}` `{F}` `{TRUE}` `{FALSE}` true/false (`{T#if wrong#if right}`),
`{=answer =other}` short answer, `{#3.14:0.01}` or `{#1..2}` numeric, `#feedback` after
an answer and `####feedback` for the question. Escapes: \\~ \\= \\# \\{ \\} \\: \\\\
and \\n (a new paragraph). Two comment lines carry what GIFT has no place for, and
Moodle ignores them: `// points: 2` and `// acs: PA.I.E.K1` just above a question.
"""

import re
from dataclasses import dataclass, field

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

ESCAPED = "~=#{}:\\n"
MARKS = {char: chr(0xE000 + index) for index, char in enumerate(ESCAPED)}
RESTORE = str.maketrans({mark: char for char, mark in MARKS.items()} | {MARKS["n"]: "\n"})
STRAY_MARKS = re.compile("[\ue000-\ue00f]")
ESCAPE = re.compile(r"\\([~=#{}:\\n])")
META = re.compile(r"//\s*(points|acs)\s*:(.*)$", re.IGNORECASE)
TITLE = re.compile(r"\s*::(.*?)::", re.DOTALL)
FORMAT = re.compile(r"\s*\[(html|markdown|plain|moodle)\]", re.IGNORECASE)
TRUE_FALSE = re.compile(r"(T|F|TRUE|FALSE)\s*(#.*)?", re.IGNORECASE | re.DOTALL)
WEIGHT = re.compile(r"\s*%([^%]*)%")


class GiftError(ValueError):
    def __init__(self, line, message):
        super().__init__(message)
        self.line = line


@dataclass
class Chunk:
    lines: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)

    def line_at(self, text, offset):
        return self.lines[text.count("\n", 0, offset)][0]


def protect(text):
    """Escaped special characters become private marks the parser never splits on."""
    return ESCAPE.sub(lambda match: MARKS[match.group(1)], STRAY_MARKS.sub("", text))


def clean(text):
    """Protected text as stored: line wraps become spaces, escapes their characters."""
    return " ".join(text.split()).translate(RESTORE).strip()


def chunks(text):
    current = Chunk()
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            if current.lines:
                yield current
            current = Chunk()
        elif stripped.startswith("//"):
            if meta := META.match(stripped):
                current.meta[meta.group(1).lower()] = (number, meta.group(2).strip())
        elif not stripped.startswith("$CATEGORY:"):
            current.lines.append((number, protect(line)))
    if current.lines:
        yield current


def parse_gift(text):
    bank = ParsedBank()
    found = list(chunks(text.removeprefix("\ufeff")))
    if len(found) > MAX_QUESTIONS:
        bank.too_many(len(found))
        return bank
    for chunk in found:
        try:
            question = read_question(chunk)
        except GiftError as error:
            bank.error(error.line, str(error))
        else:
            bank.add(question)
    if not found:
        bank.errors.append("The file has no questions.")
    return bank


def read_question(chunk):
    text = "\n".join(line for _, line in chunk.lines)
    opened = text.find("{")
    closed = text.find("}", opened + 1)
    if opened < 0:
        raise GiftError(chunk.lines[0][0], "No answer block: add the answers in braces, {…}.")
    if closed < 0:
        raise GiftError(chunk.line_at(text, opened), "The answer block opened here has no }.")
    for offset, char in enumerate(text):
        outside = offset < opened or offset > closed
        if (char == "{" and offset != opened) or (char == "}" and outside):
            raise GiftError(
                chunk.line_at(text, offset),
                f"An extra “{char}”: a question has one answer block (write \\{char} for the "
                "character itself).",
            )
    question = read_block(text[opened + 1 : closed], chunk.line_at(text, opened))
    question.text = read_text(text[:opened], text[closed + 1 :])
    read_meta(chunk, question)
    return question


def read_text(before, after):
    before = TITLE.sub("", before, count=1)
    markup = FORMAT.match(before)
    if markup:
        before = before[markup.end() :]
    stem = clean(before) + (f" _____ {clean(after)}" if after.strip() else "")
    if markup and markup.group(1).lower() == "html":
        stem = html_to_text(stem)
    return text_to_html(stem)


def read_meta(chunk, question):
    if "points" in chunk.meta:
        line, value = chunk.meta["points"]
        if not re.fullmatch(r"[0-9]{1,3}", value):
            raise GiftError(line, f"Points must be a whole number (got “{value}”).")
        question.points = int(value)
    if "acs" in chunk.meta:
        question.acs_codes = chunk.meta["acs"][1]


def read_block(block, line):
    body, _, general = block.partition("####")
    body = body.strip()
    question = ParsedQuestion(line=line, kind=QuestionType.SINGLE, text="")
    question.explanation = clean(general)
    if not body:
        raise GiftError(line, "An empty answer block {} is an essay, which can't be graded here.")
    if body.startswith("#"):
        read_numeric(body[1:], question)
    elif TRUE_FALSE.fullmatch(body):
        read_true_false(body, question)
    elif "->" in body:
        raise GiftError(line, "Matching questions (->) can't be imported.")
    else:
        read_answers(body, question)
    return question


def read_numeric(body, question):
    answers = [part for part in re.split(r"(?=[=~])", body.strip()) if part.strip()]
    if len(answers) > 1:
        raise GiftError(question.line, "A numeric question here has one answer (value:tolerance).")
    answer = answers[0].lstrip("=") if answers else ""
    answer = WEIGHT.sub("", answer, count=1)
    value, _, feedback = answer.partition("#")
    if not value.strip():
        raise GiftError(question.line, "No number after #: write {#value:tolerance}.")
    try:
        question.numeric_answer, question.numeric_tolerance = parse_numeric_answer(clean(value))
    except ValueError as error:
        raise GiftError(
            question.line,
            f"{error} Write a numeric answer as {{#value:tolerance}} or {{#min..max}}.",
        ) from None
    question.kind = QuestionType.NUMERIC
    question.explanation = question.explanation or clean(feedback)


def read_true_false(body, question):
    head, *feedback = body.split("#", 2)
    wrong, right = (*feedback, "", "")[:2]
    is_true = head.strip().upper() in ("T", "TRUE")
    question.kind = QuestionType.TRUE_FALSE
    question.choices = [
        ParsedChoice("True", is_true, clean(right if is_true else wrong)),
        ParsedChoice("False", not is_true, clean(wrong if is_true else right)),
    ]


def read_answers(body, question):
    parts = re.split(r"(?=[=~])", body)
    if parts[0].strip():
        raise GiftError(question.line, "Start each answer with = (right) or ~ (wrong).")
    answers = [read_answer(part, question.line) for part in parts[1:]]
    if any(not choice.text for _, _, choice in answers):
        raise GiftError(question.line, "An answer is empty: write its text after = or ~.")
    if all(mark == "=" for mark, _, _ in answers):
        question.kind = QuestionType.SHORT_ANSWER
        question.accepted = [c.text for _, weight, c in answers if weight is None or weight > 0]
        return
    weighted = any(mark == "~" and weight and weight > 0 for mark, weight, _ in answers)
    question.kind = QuestionType.MULTIPLE if weighted else QuestionType.SINGLE
    for mark, weight, choice in answers:
        choice.correct = weight > 0 if weight is not None else mark == "="
        question.choices.append(choice)


def read_answer(part, line):
    mark, rest = part[0], part[1:]
    weight = None
    if found := WEIGHT.match(rest):
        try:
            weight = float(found.group(1))
        except ValueError:
            raise GiftError(line, f"The weight “%{found.group(1)}%” is not a number.") from None
        rest = rest[found.end() :]
    text, _, feedback = rest.partition("#")
    return mark, weight, ParsedChoice(clean(text), False, clean(feedback))


def escape(text):
    return re.sub(r"([~=#{}:\\])", r"\\\1", text).replace("\n", "\\n")


def answer_lines(question):
    choices = list(question.choices.all())
    kind = question.question_type
    texts = sorted(choice.text.casefold() for choice in choices)
    if kind == QuestionType.TRUE_FALSE and texts == ["false", "true"]:
        right = next((c for c in choices if c.is_correct), choices[0])
        wrong = next(c for c in choices if c is not right)
        feedback = f"#{escape(wrong.explanation)}#{escape(right.explanation)}"
        head = "T" if right.text.casefold() == "true" else "F"
        return [head + (feedback if feedback != "##" else "")]
    if kind in (QuestionType.SINGLE, QuestionType.TRUE_FALSE):
        return [("=" if c.is_correct else "~") + choice_text(c) for c in choices]
    if kind == QuestionType.MULTIPLE:
        share = f"{100 / max(1, sum(c.is_correct for c in choices)):.5f}".rstrip("0").rstrip(".")
        return [f"~%{share if c.is_correct else '-100'}%{choice_text(c)}" for c in choices]
    if kind == QuestionType.SHORT_ANSWER:
        return ["=" + escape(answer) for answer in question.accepted_answer_list]
    value, tolerance = number_text(question.numeric_answer), number_text(question.numeric_tolerance)
    return [f"#{value}:{tolerance or 0}"]


def choice_text(choice):
    feedback = f"#{escape(choice.explanation)}" if choice.explanation else ""
    return escape(choice.text) + feedback


def export_gift(assessment, questions):
    """GIFT for the bank (questions with prefetched choices) that imports back the same."""
    out = [f"// {assessment.title}: exported from Groundschool in Moodle GIFT format.", ""]
    for question in questions:
        if question.points != 1:
            out.append(f"// points: {question.points}")
        if codes := acs_code_text(question):
            out.append(f"// acs: {codes}")
        out.append(escape(html_to_text(question.text)) + " {")
        out.extend(f"    {line}" for line in answer_lines(question))
        if question.explanation:
            out.append(f"    ####{escape(question.explanation)}")
        out.extend(["}", ""])
    return "\n".join(out)
