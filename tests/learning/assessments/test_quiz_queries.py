"""The attempt and result pages cost the same queries for 3 questions as for 15
(choices prefetched, one answers query)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from learning.assessments.factories import make_assessment, single
from learning.courses.factories import make_lesson, make_module

from .taking_helpers import form_data, start, url, wrong_answer

pytestmark = pytest.mark.django_db


def queries_for(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_quiz_pages_cost_the_same_for_few_and_many_questions(
    client, learner, enrolled, quiz_lesson
):
    client.force_login(learner)
    module = make_module(quiz_lesson.course, title="More quizzes")
    counts = {}
    for size in (3, 15):
        lesson = make_lesson(module, title=f"Quiz of {size}", lesson_type="quiz")
        specs = [single(f"Question {n}?", "Right", "Wrong", "Other") for n in range(size)]
        assessment = make_assessment(lesson, specs, time_limit_minutes=10, max_attempts=0)
        attempt = start(client, assessment)
        client.post(url("quiz_save", attempt), form_data(attempt, wrong_answer))
        attempt_page = queries_for(client, url("quiz_attempt", attempt))
        client.post(url("quiz_submit", attempt), form_data(attempt, wrong_answer))
        counts[size] = (attempt_page, queries_for(client, url("quiz_result", attempt)))
    assert counts[3] == counts[15]
