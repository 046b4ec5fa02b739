"""The quiz panel on a lesson page ({% lesson_quiz page %}), rendered with the lesson
page's own context: rules, attempts, the Start / Resume / Try again button or why not."""

import datetime

from django.db import connection
from django.template import RequestContext, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from learning.assessments.models import Attempt

from .taking_helpers import form_data, right_answer, start, url, wrong_answer

pytestmark = pytest.mark.django_db
PANEL = Template("{% load assessments_tags %}{% lesson_quiz page %}")


def panel(rf, user, lesson):
    request = rf.get(lesson.url)
    request.user = user
    context = lesson.specific.get_context(request)
    return PANEL.render(RequestContext(request, context))


def attempt_and_submit(client, assessment, answer):
    attempt = start(client, assessment)
    client.post(url("quiz_submit", attempt), form_data(attempt, answer))
    return attempt


@pytest.fixture
def signed_in(client, learner, enrolled):
    client.force_login(learner)
    return client


def test_a_lesson_without_a_quiz_shows_nothing(rf, learner, quiz_lesson):
    assert panel(rf, learner, quiz_lesson).strip() == ""


def test_a_guest_is_asked_to_log_in(rf, assessment):
    from django.contrib.auth.models import AnonymousUser

    html = panel(rf, AnonymousUser(), assessment.lesson)
    assert "Log in to take this quiz" in html
    assert "Start the quiz" not in html


def test_a_learner_who_is_not_enrolled_is_sent_to_the_course(rf, learner, assessment, quiz_lesson):
    html = panel(rf, learner, assessment.lesson)
    assert "to take this quiz" in html
    assert quiz_lesson.course.title in html
    assert "Start the quiz" not in html


def test_an_enrolled_learner_sees_the_rules_and_can_start(rf, learner, enrolled, assessment):
    assessment.questions_per_attempt = 3
    assessment.instructions = "<p>No notes allowed.</p>"
    assessment.save()
    html = panel(rf, learner, assessment.lesson)
    assert assessment.title in html
    assert "No notes allowed." in html
    assert "<dt>Questions</dt><dd>3</dd>" in html
    assert "10 minutes" in html
    assert "60%" in html
    assert "0 of 3 used, 3 left" in html
    assert "Start the quiz" in html
    assert reverse("quiz_start", args=[assessment.pk]) in html
    assert "Best score" not in html


def test_an_open_attempt_is_resumed(rf, signed_in, learner, assessment):
    start(signed_in, assessment)
    html = panel(rf, learner, assessment.lesson)
    assert "Resume your attempt" in html
    assert "in progress" in html


def test_after_an_attempt_the_best_score_and_try_again(rf, signed_in, learner, assessment):
    first = attempt_and_submit(signed_in, assessment, wrong_answer)
    second = attempt_and_submit(signed_in, assessment, right_answer)
    html = panel(rf, learner, assessment.lesson)
    assert "Try again" in html
    assert "2 of 3 used, 1 left" in html
    assert 'data-testid="quiz-best">100%' in html
    assert url("quiz_result", first) in html
    assert url("quiz_result", second) in html
    assert "not passed" in html
    assert ", passed" in html


def test_no_attempts_left(rf, signed_in, learner, assessment):
    assessment.max_attempts = 1
    assessment.save()
    attempt_and_submit(signed_in, assessment, wrong_answer)
    html = panel(rf, learner, assessment.lesson)
    assert "You have used every attempt" in html
    assert "Try again" not in html


def test_the_wait_before_the_next_attempt(rf, signed_in, learner, assessment):
    assessment.min_wait_minutes = 15
    assessment.save()
    attempt_and_submit(signed_in, assessment, wrong_answer)
    html = panel(rf, learner, assessment.lesson)
    assert "You can try again in 15 minutes" in html
    assert "Try again</button>" not in html


def test_an_expired_attempt_leads_to_its_result(rf, signed_in, learner, assessment):
    attempt = start(signed_in, assessment)
    past = timezone.now() - datetime.timedelta(hours=1)
    Attempt.objects.filter(pk=attempt.pk).update(started_at=past, deadline=past)
    html = panel(rf, learner, assessment.lesson)
    assert "Time ran out" in html
    assert url("quiz_attempt", attempt) in html
    assert "Resume your attempt" not in html


def test_the_panel_costs_the_same_for_one_and_many_attempts(rf, signed_in, learner, assessment):
    assessment.max_attempts = 0
    assessment.save()
    counts = []
    for _ in range(2):
        attempt_and_submit(signed_in, assessment, wrong_answer)
        panel(rf, learner, assessment.lesson)
        with CaptureQueriesContext(connection) as queries:
            panel(rf, learner, assessment.lesson)
        counts.append(len(queries))
    for _ in range(4):
        attempt_and_submit(signed_in, assessment, wrong_answer)
    with CaptureQueriesContext(connection) as queries:
        html = panel(rf, learner, assessment.lesson)
    assert "6 used, unlimited" in html
    assert counts[0] == counts[1] == len(queries)


def test_the_lesson_page_shows_the_panel_to_an_enrolled_learner(signed_in, assessment):
    html = signed_in.get(assessment.lesson.url).content.decode()
    assert 'data-testid="quiz-panel"' in html
    assert "Start the quiz" in html


def test_the_lesson_page_hides_the_quiz_from_a_tier_it_is_hidden_from(signed_in, assessment):
    type(assessment.lesson).objects.filter(pk=assessment.lesson.pk).update(access_level="premium")
    html = signed_in.get(assessment.lesson.url).content.decode()
    assert 'data-testid="quiz-panel"' not in html
    assert "Start the quiz" not in html
