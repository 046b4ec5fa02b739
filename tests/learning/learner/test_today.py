"""The dashboard leads with "Today": one button per thing due now (cards, the next lesson,
a failed quiz to retake, a mock oral to finish), only those that apply, each for the
viewer's own data; and a new learner is welcomed with a first step, not "Welcome back"."""

import re

from django.urls import reverse
from django.utils import timezone

import pytest

from learning.acs.factories import make_standard
from learning.assessments.factories import make_assessment, true_false
from learning.assessments.services import start_attempt, submit_attempt
from learning.courses.factories import make_lesson, make_module
from learning.enrollments import services
from learning.flashcards.factories import DeckFactory, FlashcardFactory
from learning.flashcards.services import start_studying
from learning.orals.models import MockOralSession


def dashboard(client, user):
    client.force_login(user)
    return client.get(reverse("dashboard")).content.decode()


def today_section(html):
    match = re.search(r'<section[^>]*data-testid="today">(.*?)</section>', html, re.S)
    return match.group(1) if match else ""


def action_href(html, name):
    """The link of the Today action `name`, or None when it is not offered."""
    match = re.search(rf'href="([^"]+)" data-testid="today-{name}"', today_section(html))
    return match.group(1) if match else None


def fail_quiz(user, lesson, max_attempts=3):
    quiz = make_assessment(
        lesson=lesson,
        questions=[true_false("Class D needs two-way radio.", True)],
        max_attempts=max_attempts,
    )
    attempt, _ = start_attempt(user, quiz)
    submit_attempt(user, attempt.pk)  # nothing answered: scored 0, failed
    return quiz


def open_mock_oral(user):
    return MockOralSession.objects.create(
        user=user,
        standard=make_standard(),
        acs_type="Private Pilot Airplane",
        started_at=timezone.now(),
    )


def test_a_new_learner_is_welcomed_with_a_first_step(client, learner, course):
    preview = make_lesson(
        make_module(course, title="Samples"), title="Sample: Class E", is_free_preview=True
    )
    html = dashboard(client, learner)
    assert f"Welcome, {learner.display_name}" in html
    assert "Welcome back" not in html
    assert 'href="/courses/" data-testid="first-step-browse"' in html
    assert f'href="{preview.url}" data-testid="first-step-preview"' in html
    assert 'data-testid="today"' not in html


def test_a_returning_learner_is_welcomed_back_and_sent_to_the_next_lesson(
    client, learner, course, enrolled
):
    services.complete_lesson(learner, course.lessons[0])
    html = dashboard(client, learner)
    assert f"Welcome back, {learner.display_name}" in html
    assert 'data-testid="first-steps"' not in html
    assert action_href(html, "lesson") == course.lessons[1].url
    assert "Continue Private Pilot Prep" in today_section(html)
    assert action_href(html, "cards") is None
    assert action_href(html, "quiz") is None
    assert action_href(html, "oral") is None


def test_cards_due_are_counted_and_lead_to_study(client, learner, enrolled):
    deck = DeckFactory(owner=learner)
    FlashcardFactory.create_batch(3, deck=deck)
    start_studying(learner, deck)
    html = dashboard(client, learner)
    assert action_href(html, "cards") == reverse("flashcards_study")
    assert "Study 3 flashcards" in today_section(html)


def test_a_failed_required_quiz_is_offered_for_a_retake(client, learner, course, enrolled):
    quiz_lesson = course.lessons[5]
    fail_quiz(learner, quiz_lesson)
    html = dashboard(client, learner)
    assert action_href(html, "quiz") == quiz_lesson.url
    assert "Retake the quiz: Weather quiz" in html


def test_no_retake_once_the_attempts_are_used_up(client, learner, course, enrolled):
    fail_quiz(learner, course.lessons[5], max_attempts=1)
    assert action_href(dashboard(client, learner), "quiz") is None


def test_an_open_mock_oral_is_offered_to_finish(client, learner, enrolled):
    session = open_mock_oral(learner)
    html = dashboard(client, learner)
    assert action_href(html, "oral") == reverse("orals_session", args=[session.pk])
    assert "Finish your mock oral" in html


@pytest.mark.parametrize("viewer_enrolled", [True, False])
def test_another_learners_quiz_cards_and_oral_never_show(
    client, learner, other_learner, course, viewer_enrolled
):
    services.enroll(other_learner, course)
    fail_quiz(other_learner, course.lessons[5])
    open_mock_oral(other_learner)
    deck = DeckFactory(owner=other_learner)
    FlashcardFactory.create_batch(2, deck=deck)
    start_studying(other_learner, deck)
    if viewer_enrolled:
        services.enroll(learner, course)
    html = dashboard(client, learner)
    for name in ("cards", "quiz", "oral"):
        assert action_href(html, name) is None, name
    assert ("Welcome back" in html) is viewer_enrolled


def test_nothing_due_shows_an_empty_state(client, learner, course, enrolled, premium_learner):
    services.enroll(premium_learner, course)
    for lesson in course.lessons:
        services.complete_lesson(premium_learner, lesson)
    html = dashboard(client, premium_learner)
    assert 'data-testid="today-empty"' in html
    assert "Nothing due today." in html
