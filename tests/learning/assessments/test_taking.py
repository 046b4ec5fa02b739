"""Taking a quiz: start (and resume), the attempt page, autosave, save, submit."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from learning.assessments.factories import make_assessment, single
from learning.assessments.models import Attempt, AttemptAnswer, Question

from .taking_helpers import form_data, right_answer, start, tokens, url

pytestmark = pytest.mark.django_db

QUESTION_SENTINEL = "EXPLAIN-QUESTION-SENTINEL"
CHOICE_SENTINEL = "EXPLAIN-CHOICE-SENTINEL"


def url_for_start(assessment):
    return reverse("quiz_start", args=[assessment.pk])


@pytest.fixture
def signed_in(client, learner, enrolled):
    client.force_login(learner)
    return client


def test_start_draws_the_questions_and_fixes_the_deadline(signed_in, assessment):
    assessment.questions_per_attempt = 3
    assessment.save()
    before = timezone.now()
    attempt = start(signed_in, assessment, HTTP_USER_AGENT="QuizBrowser/1.0")
    assert len(attempt.question_ids) == 3
    assert set(attempt.question_ids) <= set(assessment.questions.values_list("pk", flat=True))
    assert before + datetime.timedelta(minutes=10) <= attempt.deadline
    assert attempt.deadline <= timezone.now() + datetime.timedelta(minutes=10)
    assert attempt.attempt_number == 1
    assert attempt.ip_address == "127.0.0.1"
    assert attempt.user_agent == "QuizBrowser/1.0"


def test_start_again_resumes_the_open_attempt(signed_in, assessment):
    first = start(signed_in, assessment)
    again = start(signed_in, assessment)
    assert again.pk == first.pk
    assert Attempt.objects.filter(assessment=assessment).count() == 1


def test_start_redirects_to_the_attempt_page(signed_in, assessment):
    response = signed_in.post(url_for_start(assessment))
    attempt = Attempt.objects.get()
    assert response.url == url("quiz_attempt", attempt)


def test_a_guest_is_sent_to_log_in(client, assessment):
    response = client.post(url_for_start(assessment))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    assert not Attempt.objects.exists()


def test_a_learner_who_is_not_enrolled_is_refused(client, learner, assessment):
    client.force_login(learner)
    response = client.post(url_for_start(assessment))
    assert response.status_code == 403
    assert "Enroll" in response.content.decode()
    assert "Back to the lesson" in response.content.decode()
    assert not Attempt.objects.exists()


def test_a_premium_lesson_quiz_is_refused_to_a_registered_learner(signed_in, assessment):
    type(assessment.lesson).objects.filter(pk=assessment.lesson.pk).update(access_level="premium")
    assessment.refresh_from_db()
    response = signed_in.post(url_for_start(assessment))
    assert response.status_code == 403
    assert "higher membership tier" in response.content.decode()
    assert not Attempt.objects.exists()


def test_no_attempts_left_is_refused(signed_in, assessment):
    assessment.max_attempts = 1
    assessment.save()
    attempt = start(signed_in, assessment)
    signed_in.post(url("quiz_submit", attempt), form_data(attempt))
    response = signed_in.post(url_for_start(assessment))
    assert response.status_code == 403
    assert "used every attempt" in response.content.decode()
    assert Attempt.objects.count() == 1


def test_the_wait_between_attempts_is_enforced(signed_in, assessment):
    assessment.min_wait_minutes = 30
    assessment.save()
    attempt = start(signed_in, assessment)
    signed_in.post(url("quiz_submit", attempt), form_data(attempt))
    response = signed_in.post(url_for_start(assessment))
    assert response.status_code == 403
    assert "try again in 30 minutes" in response.content.decode()


def test_start_only_answers_post(signed_in, assessment):
    refused = signed_in.get(url_for_start(assessment))
    assert (refused.status_code, refused["Allow"]) == (405, "POST")
    assert not assessment.attempts.exists()


def test_the_page_shows_every_drawn_question_in_order_with_the_right_inputs(signed_in, assessment):
    attempt = start(signed_in, assessment)
    html = signed_in.get(url("quiz_attempt", attempt)).content.decode()
    positions = [html.index(f'id="question-{pk}"') for pk in attempt.question_ids]
    assert positions == sorted(positions)
    for question in Question.objects.filter(pk__in=attempt.question_ids):
        name = f"answer-{question.pk}"
        if question.question_type in ("single", "true_false"):
            assert html.count(f'type="radio" name="{name}"') == question.choices.count()
        elif question.question_type == "multiple":
            assert html.count(f'type="checkbox" name="{name}"') == question.choices.count()
        elif question.question_type == "numeric":
            assert re.search(rf'name="text-{question.pk}"[^>]*inputmode="decimal"', html)
        else:
            assert f'name="text-{question.pk}"' in html
        if question.has_choices:
            order = attempt.choice_order[str(question.pk)]
            texts = dict(question.choices.values_list("pk", "text"))
            shown = [html.index(f"<span>{texts[pk]}</span>") for pk in order]
            assert shown == sorted(shown)
    assert "Time left:" in html
    assert re.search(r"<strong[^>]*data-countdown-clock>(9:59|10:00)</strong>", html)
    assert 'data-deadline="' in html


def test_question_text_is_rich_text(signed_in, quiz_lesson, enrolled):
    assessment = make_assessment(
        quiz_lesson, [single("A <b>bold</b> question", "Yes", "No")], time_limit_minutes=0
    )
    attempt = start(signed_in, assessment)
    html = signed_in.get(url("quiz_attempt", attempt)).content.decode()
    assert "<p>A <b>bold</b> question</p>" in html
    assert "Time left" not in html


def test_the_page_never_contains_the_answer_key(signed_in, quiz_lesson, enrolled):
    assessment = make_assessment(
        quiz_lesson,
        [
            {
                "type": "single",
                "text": "<p>Which class needs a clearance?</p>",
                "choices": [("Bravo airspace", True), ("Echo airspace", False)],
                "explanation": QUESTION_SENTINEL,
            },
            {
                "type": "short_answer",
                "text": "<p>Spell out VFR.</p>",
                "accepted": ["ACCEPTED-SENTINEL"],
            },
            {"type": "numeric", "text": "<p>Pattern altitude?</p>", "answer": "1234.5678"},
        ],
    )
    assessment.questions.get(question_type="single").choices.update(explanation=CHOICE_SENTINEL)
    attempt = start(signed_in, assessment)
    html = signed_in.get(url("quiz_attempt", attempt)).content.decode()
    assert "Bravo airspace" in html
    assert "Echo airspace" in html
    for secret in (QUESTION_SENTINEL, CHOICE_SENTINEL, "ACCEPTED-SENTINEL", "1234.5678"):
        assert secret not in html
    assert "is_correct" not in html
    assert not re.search(r"<[^>]*\bcorrect", html, re.IGNORECASE), "a tag mentions 'correct'"


def test_autosave_then_reload_keeps_the_answers(signed_in, assessment):
    attempt = start(signed_in, assessment)
    questions = {q.question_type: q for q in Question.objects.filter(assessment=assessment)}
    single_q, short = questions["single"], questions["short_answer"]
    choice = single_q.choices.filter(is_correct=False).first()
    response = signed_in.post(
        url("quiz_answer", attempt),
        {"question": single_q.pk, "choice": tokens(attempt, single_q.pk, [choice.pk])},
    )
    assert response.status_code == 200
    assert response.json()["saved"] is True
    assert response.json()["answered_at"]
    signed_in.post(url("quiz_answer", attempt), {"question": short.pk, "text": "A <b>METAR</b>"})

    html = signed_in.get(url("quiz_attempt", attempt)).content.decode()
    place = tokens(attempt, single_q.pk, [choice.pk])[0]
    assert f'name="answer-{single_q.pk}" value="{place}" checked' in html
    assert 'value="A &lt;b&gt;METAR&lt;/b&gt;"' in html
    assert "1 of 5" not in html
    assert "2</span> of 5 questions" in html


def test_autosave_replaces_the_earlier_answer(signed_in, assessment):
    attempt = start(signed_in, assessment)
    question = assessment.questions.get(question_type="multiple")
    first, second, _ = question.choices.all()
    answer_url = url("quiz_answer", attempt)
    both = tokens(attempt, question.pk, [first.pk, second.pk])
    signed_in.post(answer_url, {"question": question.pk, "choice": both})
    signed_in.post(answer_url, {"question": question.pk, "choice": both[1:]})
    saved = AttemptAnswer.objects.get(attempt=attempt, question=question)
    assert saved.selected_choices == [second.pk]


def test_the_save_button_saves_every_answer_without_javascript(signed_in, assessment):
    attempt = start(signed_in, assessment)
    response = signed_in.post(url("quiz_save", attempt), form_data(attempt), follow=True)
    assert response.redirect_chain[-1][0] == url("quiz_attempt", attempt)
    assert "Answers saved." in response.content.decode()
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 5
    assert Attempt.objects.get(pk=attempt.pk).submitted_at is None


def test_saving_leaves_questions_the_form_did_not_list_alone(signed_in, assessment):
    attempt = start(signed_in, assessment)
    signed_in.post(url("quiz_save", attempt), form_data(attempt))
    short = assessment.questions.get(question_type="short_answer")
    signed_in.post(url("quiz_save", attempt), {"shown": [str(short.pk)], f"text-{short.pk}": ""})
    answers = AttemptAnswer.objects.filter(attempt=attempt)
    assert answers.get(question=short).text_answer == ""
    assert answers.exclude(question=short).exclude(selected_choices=[], text_answer="").count() == 4


def test_submit_saves_the_posted_answers_then_grades_them(signed_in, assessment):
    attempt = start(signed_in, assessment)
    response = signed_in.post(url("quiz_submit", attempt), form_data(attempt, right_answer))
    assert response.status_code == 302
    assert response.url == url("quiz_result", attempt)
    attempt.refresh_from_db()
    assert attempt.is_submitted
    assert not attempt.auto_submitted
    assert attempt.score == attempt.max_score == 5
    assert attempt.passed is True


def test_an_expired_attempt_is_submitted_when_visited(signed_in, assessment):
    attempt = start(signed_in, assessment)
    question = assessment.questions.get(question_type="true_false")
    signed_in.post(
        url("quiz_answer", attempt),
        {
            "question": question.pk,
            "choice": tokens(attempt, question.pk, [question.choices.get(is_correct=True).pk]),
        },
    )
    past = timezone.now() - datetime.timedelta(minutes=20)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=past, deadline=past + datetime.timedelta(minutes=10)
    )
    response = signed_in.get(url("quiz_attempt", attempt), follow=True)
    assert response.redirect_chain[-1][0] == url("quiz_result", attempt)
    attempt.refresh_from_db()
    assert attempt.auto_submitted
    assert attempt.is_submitted
    assert attempt.score == 1
    assert attempt.time_taken == 600
    assert "submitted automatically" in response.content.decode()


def test_a_submitted_attempt_page_leads_to_the_result(signed_in, assessment):
    attempt = start(signed_in, assessment)
    signed_in.post(url("quiz_submit", attempt), form_data(attempt))
    response = signed_in.get(url("quiz_attempt", attempt))
    assert response.status_code == 302
    assert response.url == url("quiz_result", attempt)
