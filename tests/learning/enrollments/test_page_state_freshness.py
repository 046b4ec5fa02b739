"""What the lesson and course pages read once per request (the learner's page state, the
cached "which lesson has a quiz") is never stale: a learner's own write shows on their
next page view, another learner sees none of it, and a quiz added, moved or deleted in
the admin shows on the next view of its lesson."""

from django.urls import reverse
from django.utils import timezone

import pytest

from learning.assessments.factories import make_assessment, single
from learning.assessments.models import Attempt
from learning.enrollments.factories import enroll
from learning.enrollments.notes.services import add_bookmark, create_note

QUIZ_PANEL = 'data-testid="quiz-panel"'
PRESSED = 'aria-pressed="true"'


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def quiz(course):
    return make_assessment(course.lessons[5], [single("Class B needs?", "A clearance", "None")])


def test_completing_a_lesson_shows_on_the_next_views(client, course, learner, enrolled):
    client.force_login(learner)
    lesson = course.lessons[2]
    assert "outline__lesson--done" not in html_of(client, lesson.url)
    client.post(reverse("complete_lesson", args=[lesson.pk]))
    html = html_of(client, lesson.url)
    assert "You completed this lesson" in html
    assert html.count("outline__lesson--done") == 1
    assert "16% complete" in html_of(client, course.url)
    client.post(reverse("incomplete_lesson", args=[lesson.pk]))
    assert "outline__lesson--done" not in html_of(client, lesson.url)


def test_a_note_and_a_bookmark_show_on_the_next_view(client, course, learner, enrolled):
    client.force_login(learner)
    lesson = course.lessons[2]
    html = html_of(client, lesson.url)
    assert PRESSED not in html
    assert "Remember the VFR minimums" not in html
    create_note(learner, lesson, "Remember the VFR minimums")
    bookmark, _ = add_bookmark(learner, lesson)
    html = html_of(client, lesson.url)
    assert "Remember the VFR minimums" in html
    assert PRESSED in html
    assert reverse("bookmark_delete", args=[bookmark.pk]) in html
    assert PRESSED not in html_of(client, course.url)  # the lesson's bookmark, not the course's
    bookmark.delete()
    assert PRESSED not in html_of(client, lesson.url)


def test_a_submitted_attempt_shows_on_the_next_view(client, course, learner, enrolled, quiz):
    client.force_login(learner)
    lesson = course.lessons[5]
    assert "0 of 3 used" in html_of(client, lesson.url)
    Attempt.objects.create(
        user=learner,
        assessment=quiz,
        attempt_number=1,
        submitted_at=timezone.now(),
        percentage=100,
        passed=True,
    )
    html = html_of(client, lesson.url)
    assert "1 of 3 used" in html
    assert 'data-testid="quiz-best">100%' in html


def test_another_learner_sees_none_of_it(client, course, learner, other_learner, enrolled, quiz):
    lesson = course.lessons[2]
    client.force_login(learner)
    client.post(reverse("complete_lesson", args=[lesson.pk]))
    create_note(learner, lesson, "Mine alone")
    add_bookmark(learner, lesson)
    add_bookmark(learner, course)
    html_of(client, lesson.url)
    enroll(other_learner, course)
    client.force_login(other_learner)
    for url in (lesson.url, course.url, course.lessons[5].url):
        html = html_of(client, url)
        assert "Mine alone" not in html
        assert PRESSED not in html
        assert "outline__lesson--done" not in html
        assert "You completed this lesson" not in html
    assert "0 of 3 used" in html_of(client, course.lessons[5].url)


def test_a_quiz_added_moved_or_deleted_shows_on_the_next_view(client, course, learner, enrolled):
    client.force_login(learner)
    first, second = course.lessons[3], course.lessons[2]
    assert QUIZ_PANEL not in html_of(client, first.url)  # the cache now knows: no quiz
    assert QUIZ_PANEL not in html_of(client, second.url)
    quiz = make_assessment(first, [single("Class B needs?", "A clearance", "None")])
    html = html_of(client, first.url)
    assert QUIZ_PANEL in html
    assert "Pass the quiz above to complete this lesson" in html
    quiz.required_for_certificate = False
    quiz.save()
    assert "Pass the quiz above" not in html_of(client, first.url)
    quiz.lesson = second
    quiz.save()
    assert QUIZ_PANEL not in html_of(client, first.url)
    assert QUIZ_PANEL in html_of(client, second.url)
    quiz.delete()
    assert QUIZ_PANEL not in html_of(client, second.url)
