"""What the quiz pages show and what learners send, read in a fixed number of queries.

The attempt page is built from `answer_sheet`, whose questions and choices carry only
what a learner may see before submitting (ids, text, their own answer): the answer
key is never loaded for it, so no template can leak it. The result page uses
`result_rows`, which includes the key only when the assessment allows it.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from . import services
from .models import Attempt, Choice, Question, QuestionType
from .services import AssessmentError

ID = re.compile(r"[0-9]{1,9}")
MAX_CHOICES_PER_QUESTION = 50
INPUT_TYPES = {
    QuestionType.SINGLE: "radio",
    QuestionType.TRUE_FALSE: "radio",
    QuestionType.MULTIPLE: "checkbox",
    QuestionType.SHORT_ANSWER: "text",
    QuestionType.NUMERIC: "numeric",
}


@dataclass
class ShownChoice:
    """A choice as the form shows it. `token` (its place in the attempt's shuffled order)
    is what the form posts: never the database id, whose order follows the order the
    author typed the choices in, which often puts the right one first."""

    id: int
    token: int
    text: str
    selected: bool = False


@dataclass
class ShownQuestion:
    """One question as the learner sees it while the attempt is open."""

    number: int
    id: int
    kind: str
    text: str
    points: int
    choices: list = field(default_factory=list)
    text_answer: str = ""
    answered: bool = False

    @property
    def input_type(self):
        return INPUT_TYPES.get(self.kind, "text")


def _ordered(attempt, questions):
    by_id = {question.pk: question for question in questions}
    return [by_id[pk] for pk in attempt.question_ids if pk in by_id]


def _choices_in_order(attempt, question):
    """The question's choices in the order fixed at the start (new ones are not shown)."""
    by_id = {choice.pk: choice for choice in question.choices.all()}
    order = attempt.choice_order.get(str(question.pk), [])
    return [by_id[pk] for pk in order if pk in by_id]


def answer_sheet(attempt, posted=None):
    """The drawn questions in order with the learner's saved answers (three queries);
    `posted` ({question id: (choice ids, text)}) overrides saved answers, so a form
    shown again after an error keeps what was sent."""
    choices = Choice.objects.only("id", "question_id", "text", "sort_order")
    questions = (
        Question.objects.filter(pk__in=attempt.question_ids)
        .only("id", "question_type", "text", "points")
        .prefetch_related(Prefetch("choices", queryset=choices))
    )
    saved = {
        answer.question_id: (answer.selected_choices, answer.text_answer)
        for answer in attempt.answers.only(
            "attempt_id", "question_id", "selected_choices", "text_answer"
        )
    }
    saved.update(posted or {})
    sheet = []
    for number, question in enumerate(_ordered(attempt, questions), start=1):
        selected, text = saved.get(question.pk, ([], ""))
        shown = ShownQuestion(
            number, question.pk, question.question_type, question.text, question.points
        )
        order = attempt.choice_order.get(str(question.pk), [])
        shown.choices = [
            ShownChoice(choice.pk, order.index(choice.pk), choice.text, choice.pk in selected)
            for choice in _choices_in_order(attempt, question)
        ]
        shown.text_answer = text or ""
        shown.answered = bool(selected) or bool(shown.text_answer.strip())
        sheet.append(shown)
    return sheet


def _iso(moment):
    """UTC with milliseconds: what every browser's Date.parse reads."""
    return moment.astimezone(datetime.UTC).isoformat(timespec="milliseconds")


def attempt_context(attempt, posted=None, error=None):
    """The attempt page's context: the answer sheet, the countdown's server times."""
    assessment = attempt.assessment
    now = timezone.now()
    sheet = answer_sheet(attempt, posted)
    remaining = deadline_iso = None
    if attempt.deadline is not None:
        remaining = max(0, int((attempt.deadline - now).total_seconds()))
        deadline_iso = _iso(attempt.deadline)
    return {
        "attempt": attempt,
        "assessment": assessment,
        "lesson": assessment.lesson,
        "questions": sheet,
        "answered_count": sum(1 for question in sheet if question.answered),
        "now_iso": _iso(now),
        "deadline_iso": deadline_iso,
        "remaining": remaining,
        "error": error,
    }


@dataclass
class ResultRow:
    """One graded question on the result page; `key` fields are filled only when the
    assessment shows correct answers."""

    number: int
    question: Question
    correct: bool
    points_earned: object
    choices: list
    text_answer: str
    show_key: bool
    accepted: list = field(default_factory=list)
    instructor_feedback: str = ""  # written by learning.instructors.grading

    @property
    def answered(self):
        return any(choice["selected"] for choice in self.choices) or bool(self.text_answer.strip())


def result_rows(attempt, show_key):
    """Per-question feedback for a submitted attempt (three queries)."""
    questions = Question.objects.filter(pk__in=attempt.question_ids).prefetch_related("choices")
    answers = {answer.question_id: answer for answer in attempt.answers.all()}
    rows = []
    for number, question in enumerate(_ordered(attempt, questions), start=1):
        answer = answers.get(question.pk)
        selected = set(answer.selected_choices) if answer else set()
        choices = [
            {
                "text": choice.text,
                "selected": choice.pk in selected,
                "correct": show_key and choice.is_correct,
                "explanation": choice.explanation if show_key else "",
            }
            for choice in _choices_in_order(attempt, question)
        ]
        row = ResultRow(
            number,
            question,
            bool(answer and answer.is_correct),
            answer.points_earned if answer else 0,
            choices,
            answer.text_answer if answer else "",
            show_key,
        )
        if show_key and question.question_type == QuestionType.SHORT_ANSWER:
            row.accepted = question.accepted_answer_list
        row.instructor_feedback = answer.feedback if answer else ""
        rows.append(row)
    return rows


@dataclass
class Standing:
    """A learner's attempts at one assessment and what they may do next."""

    assessment: object
    attempts: list
    now: datetime.datetime

    @property
    def used(self):
        return len(self.attempts)

    @property
    def left(self):
        return services.attempts_left(self.assessment, self.used)

    @property
    def submitted(self):
        return [attempt for attempt in self.attempts if attempt.is_submitted]

    @property
    def best(self):
        scores = [a.percentage for a in self.submitted if a.percentage is not None]
        return max(scores) if scores else None

    @property
    def open_attempt(self):
        return next((a for a in self.attempts if not a.is_submitted), None)

    @property
    def open_expired(self):
        current = self.open_attempt
        return current is not None and services.is_expired(current, self.now)

    @property
    def wait_minutes(self):
        """Minutes before another attempt may start (the rule start_attempt applies)."""
        last = max((a.submitted_at for a in self.submitted), default=None)
        if last is None or not self.assessment.min_wait_minutes:
            return 0
        ready = last + datetime.timedelta(minutes=self.assessment.min_wait_minutes)
        if self.now >= ready:
            return 0
        return max(1, round((ready - self.now).total_seconds() / 60))

    @property
    def can_start(self):
        return self.left != 0 and not self.wait_minutes


STANDING_FIELDS = (
    "id",
    "user_id",
    "assessment_id",
    "attempt_number",
    "started_at",
    "deadline",
    "submitted_at",
    "percentage",
    "passed",
)


def standing(user, assessment, now=None):
    """The learner's attempts (newest first) in one query."""
    attempts = Attempt.objects.filter(user=user, assessment=assessment).only(*STANDING_FIELDS)
    return Standing(assessment, list(attempts.order_by("-attempt_number")), now or timezone.now())


def parse_id(raw, what):
    """A database id from form input, or a 400 that says what was wrong."""
    value = (raw or "").strip()
    if not ID.fullmatch(value):
        raise AssessmentError(f"The {what} must be given by its number.")
    return int(value)


def parse_choice_ids(values, attempt, question_id):
    """The choice ids behind the tokens a form posted for one question (see ShownChoice);
    a token that is not one of this question's places is refused."""
    if len(values) > MAX_CHOICES_PER_QUESTION:
        raise AssessmentError("Too many choices were sent for one question.")
    order = attempt.choice_order.get(str(question_id), [])
    ids = []
    for value in values:
        position = parse_id(value, "choice")
        if position >= len(order):
            raise AssessmentError("That answer is not one of this question's choices.")
        ids.append(order[position])
    return ids


def posted_answers(data, attempt):
    """{question id: (choice ids, text)} for every question the form listed in `shown`
    (fields `answer-<id>` and `text-<id>`); ids that are not numbers are refused."""
    shown = data.getlist("shown")
    if len(shown) > 500:
        raise AssessmentError("Too many questions were sent.")
    answers = {}
    for raw in shown:
        question_id = parse_id(raw, "question")
        choice_ids = parse_choice_ids(data.getlist(f"answer-{question_id}"), attempt, question_id)
        answers[question_id] = (choice_ids, data.get(f"text-{question_id}", ""))
    return answers


def displayable_answers(data, attempt):
    """What the form sent, keeping every valid part, to show the form again after a
    refusal without losing what the learner typed."""
    answers = {}
    for raw in data.getlist("shown")[:500]:
        if not ID.fullmatch(raw.strip()):
            continue
        question_id = int(raw)
        order = attempt.choice_order.get(str(question_id), [])
        tokens = [value.strip() for value in data.getlist(f"answer-{question_id}")]
        places = [int(token) for token in tokens if ID.fullmatch(token)]
        ids = [order[place] for place in places if place < len(order)]
        answers[question_id] = (ids, data.get(f"text-{question_id}", "")[:500])
    return answers
