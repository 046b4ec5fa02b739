"""Read-side statistics for instructors: how an assessment and each of its questions fare.

Every figure is computed over submitted attempts only (an open attempt has no grades
yet) and in a fixed number of queries, whatever the number of attempts, questions or
choices: the database counts and averages; only "most chosen wrong choice" is counted
here, because the choices a learner picked are a JSON list that neither SQLite nor
PostgreSQL can group by portably.
"""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from ..models import Assessment, Attempt, AttemptAnswer, Choice, Question

# Items answered this often with a percent correct outside these bounds deserve a look:
# nearly everyone misses them (a wrong key, a trick wording) or nobody does (no signal).
REVIEW_MIN_ANSWERS = 10
REVIEW_BELOW_PERCENT = 30
REVIEW_ABOVE_PERCENT = 95


def aggregate_per(rows, owner, aggregate):
    """``aggregate`` over the ``rows`` that belong to the outer row (``owner`` is the
    rows' foreign key to it), as a correlated subquery; NULL when it has none."""
    return Subquery(
        rows.filter(**{owner: OuterRef("pk")})
        .order_by()
        .values(owner)
        .annotate(value=aggregate)
        .values("value")
    )


def count_per(rows, owner):
    """How many of ``rows`` belong to the outer row (0 when none)."""
    return Coalesce(aggregate_per(rows, owner, Count("pk")), 0, output_field=IntegerField())


def percent(part, whole):
    return round(Decimal(100) * part / whole, 1) if whole else None


@dataclass
class Summary:
    attempts: int
    submitted: int
    passed: int
    average_percentage: Decimal | None
    average_seconds: float | None

    @property
    def pass_rate(self):
        return percent(self.passed, self.submitted)


@dataclass
class WrongChoice:
    text: str
    count: int


@dataclass
class QuestionStat:
    question: Question
    drawn: int
    answered: int
    correct: int
    most_chosen_wrong: WrongChoice | None = None

    @property
    def percent_correct(self):
        """Share of the graded answers that were right; a skipped question counts as
        wrong, exactly as it did in the learner's score."""
        return percent(self.correct, self.drawn)

    @property
    def needs_review(self):
        rate = self.percent_correct
        return (
            self.drawn >= REVIEW_MIN_ANSWERS
            and rate is not None
            and not REVIEW_BELOW_PERCENT <= rate <= REVIEW_ABOVE_PERCENT
        )


def summary(assessment):
    """Attempts, pass rate, average score and time for one assessment (one query)."""
    submitted = Q(submitted_at__isnull=False)
    numbers = assessment.attempts.aggregate(
        attempts=Count("pk"),
        submitted=Count("pk", filter=submitted),
        passed=Count("pk", filter=submitted & Q(passed=True)),
        average_percentage=Avg("percentage", filter=submitted),
        average_seconds=Avg("time_taken", filter=submitted),
    )
    return Summary(**numbers)


def question_stats(assessment):
    """One QuestionStat per question of the bank, in bank order (four queries).

    "Drawn" counts the graded answers: submitting grades every drawn question, answered
    or not. "Answered" leaves out the ones the learner left blank. The answers are
    counted in one grouped query over this quiz's answers (found through the answers'
    question index), not by joining the bank to every answer ever given.
    """
    questions = list(Question.objects.filter(assessment=assessment).order_by("sort_order", "pk"))
    blank = Q(selected_choices=[]) & Q(text_answer="")
    counts = {
        row["question"]: row
        for row in AttemptAnswer.objects.filter(
            question__in=[q.pk for q in questions], attempt__submitted_at__isnull=False
        )
        .order_by()
        .values("question")
        .annotate(
            drawn=Count("pk"),
            answered=Count("pk", filter=~blank),
            correct=Count("pk", filter=Q(is_correct=True)),
        )
    }
    none = {"drawn": 0, "answered": 0, "correct": 0}
    stats = []
    for question in questions:
        row = counts.get(question.pk, none)
        stats.append(QuestionStat(question, row["drawn"], row["answered"], row["correct"]))
    _add_most_chosen_wrong(assessment, [s for s in stats if s.question.has_choices])
    return stats


def _add_most_chosen_wrong(assessment, stats):
    """Count the wrong choices picked in wrong answers, in Python.

    Trade-off: one query that reads every wrong answer's selection for this assessment.
    That is fine up to a few thousand answers; past that, store one row per selected
    choice (or use PostgreSQL's jsonb_array_elements) and let the database group them.
    """
    if not stats:
        return
    wrong_choices = {
        choice["pk"]: choice
        for choice in Choice.objects.filter(
            question__assessment=assessment, is_correct=False
        ).values("pk", "question_id", "text")
    }
    picks = Counter()
    selections = AttemptAnswer.objects.filter(
        attempt__assessment=assessment, attempt__submitted_at__isnull=False, is_correct=False
    ).values_list("question_id", "selected_choices")
    for question_id, selected in selections:
        for choice_id in selected if isinstance(selected, list) else ():
            choice = wrong_choices.get(choice_id)
            if choice is not None and choice["question_id"] == question_id:
                picks[choice_id] += 1
    best = {}
    for choice_id, count in sorted(picks.items(), key=lambda item: (-item[1], item[0])):
        best.setdefault(wrong_choices[choice_id]["question_id"], (choice_id, count))
    for stat in stats:
        if stat.question.pk in best:
            choice_id, count = best[stat.question.pk]
            stat.most_chosen_wrong = WrongChoice(wrong_choices[choice_id]["text"], count)


def overview():
    """Every assessment with its headline numbers, for the statistics index (one query
    per page). Each number is a subquery per assessment over its own attempts (their
    assessment index): no join multiplies rows, nothing is grouped, and the paginator's
    count is a plain count of assessments."""
    attempts = Attempt.objects.all()
    submitted = attempts.filter(submitted_at__isnull=False)
    return (
        Assessment.objects.select_related("lesson")
        .annotate(
            attempt_count=count_per(attempts, "assessment"),
            submitted_count=count_per(submitted, "assessment"),
            passed_count=count_per(submitted.filter(passed=True), "assessment"),
            average_percentage=aggregate_per(submitted, "assessment", Avg("percentage")),
            question_count=count_per(Question.objects.all(), "assessment"),
        )
        .order_by("title", "pk")
    )
