"""Quiz statistics in a fixed number of queries, each quiz counted from its own
answers only: another quiz's attempts change none of its figures."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from learning.assessments.admin import stats
from learning.assessments.factories import make_assessment, single
from learning.courses.factories import make_lesson

from .conftest import QUESTIONS
from .test_stats import ALL_RIGHT, take

pytestmark = pytest.mark.django_db


def figures(assessment):
    return [
        (s.question.pk, s.drawn, s.answered, s.correct, s.most_chosen_wrong)
        for s in stats.question_stats(assessment)
    ]


def headline(assessment_id):
    row = stats.overview().get(pk=assessment_id)
    return (
        row.attempt_count,
        row.submitted_count,
        row.passed_count,
        row.average_percentage,
        row.question_count,
    )


@pytest.fixture
def second_quiz(quiz_lesson):
    lesson = make_lesson(quiz_lesson.get_parent(), title="Weather quiz", lesson_type="quiz")
    lesson.course = quiz_lesson.course
    return make_assessment(lesson, QUESTIONS, passing_score=60, max_attempts=3)


def test_another_quizs_attempts_change_nothing(assessment, second_quiz):
    take(assessment, ALL_RIGHT, 60)
    take(assessment, {"single": ["Class E"]}, 90)
    take(assessment, {"single": ["Class G"]})  # open: counted as an attempt only
    before, summary = figures(assessment), headline(assessment.pk)
    assert summary == (3, 2, 1, 50, 5)  # 100% and 0%
    for _ in range(3):
        take(second_quiz, {"single": ["Class G"], "true_false": ["False"]}, 30)
    assert figures(assessment) == before
    assert headline(assessment.pk) == summary
    assert headline(second_quiz.pk) == (3, 3, 0, 0, 5)


def test_a_quiz_without_attempts_has_zeros(assessment):
    assert headline(assessment.pk) == (0, 0, 0, None, 5)
    assert all(row[1:4] == (0, 0, 0) for row in figures(assessment))


def test_question_statistics_take_four_queries_however_many_answers(assessment):
    take(assessment, ALL_RIGHT, 60)
    with CaptureQueriesContext(connection) as few:
        stats.question_stats(assessment)
    for _ in range(6):
        take(assessment, {"single": ["Class E"], "multiple": ["A clearance"]}, 60)
    make_assessment(None, [single("Q?", "A", "B")], title="Another quiz")
    with CaptureQueriesContext(connection) as many:
        stats.question_stats(assessment)
    assert len(few) == len(many) == 4


def test_the_overview_is_one_query_and_counts_only_assessments(assessment, second_quiz):
    for quiz in (assessment, second_quiz):
        take(quiz, ALL_RIGHT, 60)
    with CaptureQueriesContext(connection) as queries:
        rows = list(stats.overview())
        total = stats.overview().count()
    assert (len(rows), total, len(queries)) == (2, 2, 2)
    assert "JOIN" not in queries[1]["sql"]  # the count joins no attempts
