"""Hostile input on every quiz endpoint: questions outside the draw, choices of another
question, ids that are not numbers, another learner's attempt, resubmitting, late answers."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from learning.assessments.models import Attempt, AttemptAnswer
from learning.enrollments.factories import enroll

from .taking_helpers import form_data, start, url

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    ("get", "quiz_attempt"),
    ("post", "quiz_answer"),
    ("post", "quiz_save"),
    ("post", "quiz_submit"),
    ("get", "quiz_result"),
]


@pytest.fixture
def signed_in(client, learner, enrolled):
    client.force_login(learner)
    return client


@pytest.fixture
def attempt(signed_in, assessment):
    assessment.questions_per_attempt = 3
    assessment.save()
    return start(signed_in, assessment)


@pytest.fixture
def full_attempt(signed_in, assessment):
    """An attempt that draws every question, for tests about one question type."""
    return start(signed_in, assessment)


def drawn(attempt, kind=None):
    questions = attempt.assessment.questions.filter(pk__in=attempt.question_ids)
    return questions.filter(question_type=kind) if kind else questions


def choice_question(attempt):
    return drawn(attempt).filter(question_type__in=["single", "multiple", "true_false"]).first()


def not_drawn(attempt):
    return attempt.assessment.questions.exclude(pk__in=attempt.question_ids).first()


def post_answer(client, attempt, **data):
    return client.post(url("quiz_answer", attempt), data)


def test_a_question_outside_the_draw_is_refused_everywhere(signed_in, attempt):
    outside = not_drawn(attempt)
    response = post_answer(signed_in, attempt, question=outside.pk, text="sneaky")
    assert response.status_code == 400
    assert "not part of this attempt" in response.json()["error"]
    data = {**form_data(attempt), "shown": [*form_data(attempt)["shown"], str(outside.pk)]}
    data[f"text-{outside.pk}"] = "sneaky"
    for name in ("quiz_save", "quiz_submit"):
        response = signed_in.post(url(name, attempt), data)
        assert response.status_code == 400
        assert "not part of this attempt" in response.content.decode()
    assert not AttemptAnswer.objects.filter(attempt=attempt).exists(), "nothing half-saved"
    assert Attempt.objects.get(pk=attempt.pk).submitted_at is None


def test_a_refused_form_keeps_what_the_learner_typed(signed_in, attempt):
    outside = not_drawn(attempt)
    data = form_data(attempt)
    data["shown"].append(str(outside.pk))
    typed = [q for q in drawn(attempt) if not q.has_choices]
    for question in typed:
        data[f"text-{question.pk}"] = "kept <i>text</i>"
    response = signed_in.post(url("quiz_save", attempt), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-testid="quiz-error"' in html
    assert html.count('value="kept &lt;i&gt;text&lt;/i&gt;"') == len(typed)


def test_a_choice_beyond_the_questions_own_is_refused(signed_in, attempt):
    """The form posts each choice's place in the attempt's order, never a database id,
    so a place past the question's choices (or another question's) is refused."""
    question = choice_question(attempt)
    beyond = str(len(attempt.choice_order[str(question.pk)]))
    response = post_answer(signed_in, attempt, question=question.pk, choice=beyond)
    assert response.status_code == 400
    assert "not one of this question's choices" in response.json()["error"]
    data = form_data(attempt)
    data[f"answer-{question.pk}"] = [beyond]
    assert signed_in.post(url("quiz_submit", attempt), data).status_code == 400
    assert not AttemptAnswer.objects.filter(attempt=attempt).exists()


def test_the_page_never_posts_database_ids_for_choices(signed_in, attempt):
    """Choice ids follow the order the author typed them in, often right answer first."""
    html = signed_in.get(url("quiz_attempt", attempt)).content.decode()
    for question_id, order in attempt.choice_order.items():
        values = re.findall(rf'name="answer-{question_id}" value="([^"]+)"', html)
        assert values == [str(place) for place in range(len(order))]


@pytest.mark.parametrize("bad", ["abc", "1 OR 1=1", "-3", "1.5", "", "99999999999999999999", "²"])
def test_ids_that_are_not_numbers_are_refused(signed_in, attempt, bad):
    question = choice_question(attempt)
    response = post_answer(signed_in, attempt, question=question.pk, choice=bad)
    assert response.status_code == 400
    assert "number" in response.json()["error"]
    response = post_answer(signed_in, attempt, question=bad, choice=question.choices.first().pk)
    assert response.status_code == 400
    data = form_data(attempt)
    data[f"answer-{question.pk}"] = [bad]
    assert signed_in.post(url("quiz_save", attempt), data).status_code == 400
    data = {**form_data(attempt), "shown": [bad]}
    assert signed_in.post(url("quiz_submit", attempt), data).status_code == 400
    assert Attempt.objects.get(pk=attempt.pk).submitted_at is None


def test_two_answers_to_a_single_choice_question_are_refused(signed_in, full_attempt):
    question = drawn(full_attempt, "single").get()
    response = post_answer(signed_in, full_attempt, question=question.pk, choice=["0", "1"])
    assert response.status_code == 400
    assert "Choose one answer" in response.json()["error"]


def test_too_many_choices_are_refused(signed_in, attempt):
    question = choice_question(attempt)
    response = post_answer(signed_in, attempt, question=question.pk, choice=["1"] * 51)
    assert response.status_code == 400
    assert response.json()["error"] == "Too many choices were sent for one question."
    assert not AttemptAnswer.objects.filter(attempt=attempt).exists()


@pytest.mark.parametrize(("method", "name"), ENDPOINTS)
def test_another_learners_attempt_is_not_found(
    client, quiz_lesson, attempt, other_learner, method, name
):
    enroll(other_learner, quiz_lesson.course)
    client.force_login(other_learner)
    data = form_data(attempt) if method == "post" else None
    if name == "quiz_answer":
        question = choice_question(attempt)
        data = {"question": question.pk, "choice": question.choices.first().pk}
    response = getattr(client, method)(url(name, attempt), data)
    assert response.status_code == 404
    assert not AttemptAnswer.objects.filter(attempt=attempt).exists()
    assert Attempt.objects.get(pk=attempt.pk).submitted_at is None


def test_another_learners_submitted_result_is_not_found(client, signed_in, attempt, other_learner):
    signed_in.post(url("quiz_submit", attempt), form_data(attempt))
    client.force_login(other_learner)
    response = client.get(url("quiz_result", attempt))
    assert response.status_code == 404
    assert "We could not find that attempt." in response.content.decode()


@pytest.mark.parametrize(("method", "name"), ENDPOINTS)
def test_a_guest_is_turned_away(client, attempt, method, name):
    client.logout()
    response = getattr(client, method)(url(name, attempt))
    if name == "quiz_answer":
        assert response.status_code == 403
        assert response.json()["error"]
    else:
        assert response.status_code == 302
        assert "/accounts/login/" in response.url


def test_resubmitting_is_refused_with_a_link_to_the_result(signed_in, attempt):
    signed_in.post(url("quiz_submit", attempt), form_data(attempt))
    response = signed_in.post(url("quiz_submit", attempt), form_data(attempt))
    assert response.status_code == 409
    html = response.content.decode()
    assert "This attempt was already submitted" in html
    assert url("quiz_result", attempt) in html
    assert signed_in.post(url("quiz_save", attempt), form_data(attempt)).status_code == 409
    question = choice_question(attempt)
    response = post_answer(signed_in, attempt, question=question.pk)
    assert response.status_code == 409
    assert "already submitted" in response.json()["error"]


def expire(attempt, seconds_past):
    deadline = timezone.now() - datetime.timedelta(seconds=seconds_past)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=deadline - datetime.timedelta(minutes=10), deadline=deadline
    )


def test_answers_within_the_grace_period_are_saved(signed_in, attempt):
    expire(attempt, seconds_past=5)
    question = choice_question(attempt)
    response = post_answer(signed_in, attempt, question=question.pk)
    assert response.status_code == 200
    assert response.json()["saved"] is True
    assert AttemptAnswer.objects.filter(attempt=attempt, question=question).exists()


def test_answers_after_the_deadline_are_refused(signed_in, attempt):
    expire(attempt, seconds_past=120)
    question = choice_question(attempt)
    response = post_answer(signed_in, attempt, question=question.pk)
    assert response.status_code == 403
    assert "Time is up" in response.json()["error"]
    assert not AttemptAnswer.objects.filter(attempt=attempt).exists()


@pytest.mark.parametrize("name", ["quiz_save", "quiz_submit"])
def test_a_late_form_is_refused_and_the_attempt_submitted(signed_in, attempt, name):
    expire(attempt, seconds_past=120)
    response = signed_in.post(url(name, attempt), form_data(attempt))
    assert response.status_code == 403
    assert "Time is up" in response.content.decode()
    assert url("quiz_result", attempt) in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.auto_submitted
    assert attempt.score == 0


def test_a_lesson_above_the_learners_tier_hides_its_attempt(signed_in, attempt):
    lesson = attempt.assessment.lesson
    type(lesson).objects.filter(pk=lesson.pk).update(access_level="premium")
    response = signed_in.get(url("quiz_attempt", attempt))
    assert response.status_code == 403
    assert "higher membership tier" in response.content.decode()
    signed_in.post(url("quiz_submit", attempt), form_data(attempt))
    assert signed_in.get(url("quiz_result", attempt)).status_code == 403


def test_a_numeric_answer_too_large_to_compare_is_just_wrong(signed_in, full_attempt):
    question = drawn(full_attempt, "numeric").get()
    saved = post_answer(signed_in, full_attempt, question=question.pk, text="1e999999999")
    assert saved.status_code == 200
    response = signed_in.post(url("quiz_submit", full_attempt), {})
    assert response.status_code == 302
    answer = AttemptAnswer.objects.get(attempt=full_attempt, question=question)
    assert answer.is_correct is False


def test_a_quiz_behind_a_view_restriction_cannot_be_taken(signed_in, attempt):
    from wagtail.models import PageViewRestriction

    lesson = attempt.assessment.lesson
    PageViewRestriction.objects.create(page=lesson, restriction_type="password", password="x")
    page = signed_in.get(url("quiz_attempt", attempt))
    assert page.status_code == 404
    assert "This quiz is not open any more." in page.content.decode()
    start = signed_in.post(reverse("quiz_start", args=[attempt.assessment.pk]))
    assert start.status_code == 404
    assert "This quiz is not open yet." in start.content.decode()
    assert Attempt.objects.filter(assessment=attempt.assessment).count() == 1
