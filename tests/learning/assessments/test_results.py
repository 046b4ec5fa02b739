"""The result page: score against the pass mark, what comes next, feedback as allowed;
passing completes the lesson through the enrollment."""

import pytest

from learning.assessments.factories import make_assessment
from learning.enrollments.models import Enrollment, LessonProgress

from .taking_helpers import form_data, right_answer, start, url, wrong_answer

pytestmark = pytest.mark.django_db

QUESTION_SENTINEL = "WHY-QUESTION-SENTINEL"
CHOICE_SENTINEL = "WHY-CHOICE-SENTINEL"


@pytest.fixture
def signed_in(client, learner, enrolled):
    client.force_login(learner)
    return client


def quiz(lesson, **fields):
    """Two single-choice questions with explanations on the question and its choices."""
    specs = [
        {
            "type": "single",
            "text": f"<p>Question {n}?</p>",
            "choices": [(f"Right {n}", True), (f"Wrong {n}", False)],
            "explanation": f"{QUESTION_SENTINEL} {n}",
        }
        for n in (1, 2)
    ]
    assessment = make_assessment(lesson, specs, passing_score=50, **fields)
    for question in assessment.questions.all():
        question.choices.update(explanation=CHOICE_SENTINEL)
    return assessment


def submit(client, assessment, answer):
    attempt = start(client, assessment)
    client.post(url("quiz_submit", attempt), form_data(attempt, answer))
    attempt.refresh_from_db()
    return attempt, client.get(url("quiz_result", attempt))


def test_the_result_shows_score_verdict_and_next_steps(signed_in, assessment):
    _attempt, response = submit(signed_in, assessment, wrong_answer)
    assert response.status_code == 200
    html = response.content.decode()
    assert "0 of 5 points (0%)" in html
    assert "Not passed" in html
    assert "The pass mark is 60%" in html
    assert "Time taken" in html
    assert "<dt>Attempts left</dt><dd>2</dd>" in html
    assert "Try again" in html
    assert assessment.lesson.url in html
    assert "Back to the lesson" in html


def test_the_last_attempt_offers_no_retry(signed_in, assessment):
    assessment.max_attempts = 1
    assessment.save()
    _, response = submit(signed_in, assessment, wrong_answer)
    html = response.content.decode()
    assert "<dt>Attempts left</dt><dd>0</dd>" in html
    assert "Try again" not in html
    assert "used every attempt" in html


def test_feedback_with_the_key_and_explanations(signed_in, quiz_lesson):
    assessment = quiz(
        quiz_lesson, show_results_immediately=True, show_correct_answers=True, max_attempts=1
    )
    _, response = submit(signed_in, assessment, wrong_answer)
    html = response.content.decode()
    assert html.count('data-testid="quiz-feedback-item"') == 2
    assert "</svg> Wrong</span>" in html
    assert html.count("Your answer</strong>") == 2
    assert html.count("Correct answer</strong>") == 2
    assert f"{QUESTION_SENTINEL} 1" in html
    assert f"{QUESTION_SENTINEL} 2" in html
    assert CHOICE_SENTINEL in html


def test_feedback_without_the_key(signed_in, quiz_lesson):
    assessment = quiz(quiz_lesson, show_results_immediately=True, show_correct_answers=False)
    _, response = submit(signed_in, assessment, wrong_answer)
    html = response.content.decode()
    assert html.count('data-testid="quiz-feedback-item"') == 2
    assert "Wrong 1" in html
    assert "</svg> Wrong</span>" in html
    assert "Correct answer" not in html
    assert QUESTION_SENTINEL not in html
    assert CHOICE_SENTINEL not in html


def test_no_feedback_when_results_are_not_shown(signed_in, quiz_lesson):
    assessment = quiz(quiz_lesson, show_results_immediately=False, show_correct_answers=True)
    _, response = submit(signed_in, assessment, right_answer)
    html = response.content.decode()
    assert "2 of 2 points (100%)" in html
    assert 'data-testid="quiz-feedback-item"' not in html
    assert "Right 1" not in html
    assert "Question 1?" not in html
    assert QUESTION_SENTINEL not in html
    assert CHOICE_SENTINEL not in html


def test_an_open_attempt_has_no_result_yet(signed_in, assessment):
    attempt = start(signed_in, assessment)
    response = signed_in.get(url("quiz_result", attempt))
    assert response.status_code == 302
    assert response.url == url("quiz_attempt", attempt)


def test_passing_completes_the_lesson(signed_in, assessment, learner, enrolled):
    attempt, response = submit(signed_in, assessment, right_answer)
    assert attempt.passed is True
    assert "Passed" in response.content.decode()
    assert "this lesson is complete" in response.content.decode()
    enrollment = Enrollment.objects.get(user=learner)
    progress = LessonProgress.objects.get(enrollment=enrollment, lesson=assessment.lesson)
    assert progress.completed
    assert progress.completed_date


def test_failing_does_not_complete_the_lesson(signed_in, assessment, learner, enrolled):
    attempt, response = submit(signed_in, assessment, wrong_answer)
    assert attempt.passed is False
    assert "this lesson is complete" not in response.content.decode()
    done = LessonProgress.objects.filter(
        enrollment__user=learner, lesson=assessment.lesson, completed=True
    )
    assert not done.exists()


def test_the_key_waits_while_attempts_remain(signed_in, quiz_lesson):
    """Showing the answers after a failed attempt would hand them to the next one."""
    assessment = quiz(
        quiz_lesson, show_results_immediately=True, show_correct_answers=True, max_attempts=3
    )
    _, response = submit(signed_in, assessment, wrong_answer)
    html = response.content.decode()
    assert "</svg> Wrong</span>" in html
    assert "Correct answer" not in html
    assert QUESTION_SENTINEL not in html
