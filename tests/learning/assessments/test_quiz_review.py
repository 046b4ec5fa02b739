"""A quiz names the instructor who reviewed its question bank and the date it is current
as of, in the quiz panel of its lesson and on the attempt page, at no extra query;
editors set both in the quiz editor, choosing among certificate holders only."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from accounts.factories import UserFactory
from learning.assessments.factories import make_assessment
from learning.assessments.models import Assessment
from learning.courses.factories import make_lesson

from .conftest import QUESTIONS
from .taking_helpers import start, url

pytestmark = pytest.mark.django_db

REVIEWED_ON = datetime.date(2026, 11, 2)
LINE = "Reviewed by Ida Instructor, CFI 3456789 · current as of 2 Nov 2026"


def certified():
    user = UserFactory()
    user.profile.display_name = "Ida Instructor"
    user.profile.faa_certificate_grade, user.profile.faa_certificate_number = "CFI", "3456789"
    user.profile.save()
    return user


def review_line(response, scope):
    line = BeautifulSoup(response.content, "html.parser").select_one(f"{scope} .content-review")
    return " ".join(line.get_text().split()) if line else None


def queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.fixture
def reviewed_quiz(quiz_lesson, acs_tree):
    return make_assessment(
        quiz_lesson, QUESTIONS, reviewed_by=certified(), current_as_of=REVIEWED_ON
    )


@pytest.fixture
def unreviewed_quiz(quiz_lesson, acs_tree):
    lesson = make_lesson(quiz_lesson.get_parent(), title="Second quiz", lesson_type="quiz")
    return make_assessment(lesson, QUESTIONS)


def test_the_quiz_panel_names_the_reviewer_at_no_extra_query(
    client, learner, enrolled, reviewed_quiz, unreviewed_quiz
):
    client.force_login(learner)
    reviewed_url, unreviewed_url = reviewed_quiz.lesson.url, unreviewed_quiz.lesson.url
    assert review_line(client.get(reviewed_url), "[data-testid=quiz-panel]") == LINE
    assert review_line(client.get(unreviewed_url), "[data-testid=quiz-panel]") is None
    assert queries(client, reviewed_url) == queries(client, unreviewed_url)


def test_guests_read_the_review_line_with_the_log_in_prompt(client, reviewed_quiz):
    lesson = reviewed_quiz.lesson
    lesson.access_level = "guest"
    lesson.save(update_fields=["access_level"])
    response = client.get(lesson.url)
    assert "Log in to take this quiz" in response.content.decode()
    assert review_line(response, "[data-testid=quiz-panel]") == LINE


def test_the_attempt_page_names_the_reviewer_at_no_extra_query(
    client, learner, enrolled, reviewed_quiz, unreviewed_quiz
):
    client.force_login(learner)
    reviewed, unreviewed = start(client, reviewed_quiz), start(client, unreviewed_quiz)
    response = client.get(url("quiz_attempt", reviewed))
    assert review_line(response, ".page-header") == LINE
    assert queries(client, url("quiz_attempt", reviewed)) == queries(
        client, url("quiz_attempt", unreviewed)
    )


def test_another_learners_attempt_page_is_a_404_without_the_quiz(
    client, learner, other_learner, enrolled, reviewed_quiz
):
    client.force_login(learner)
    attempt = start(client, reviewed_quiz)
    client.force_login(other_learner)
    response = client.get(url("quiz_attempt", attempt))
    assert response.status_code == 404
    assert "Ida Instructor" not in response.content.decode()


def editor_form(client, quiz):
    from .test_admin import edit_url, rendered_form

    return edit_url(quiz), rendered_form(client, edit_url(quiz))


def test_an_editor_records_the_review_in_the_quiz_editor(admin_client, unreviewed_quiz):
    ida = certified()
    path, data = editor_form(admin_client, unreviewed_quiz)
    data["reviewed_by"], data["current_as_of"] = str(ida.pk), "2026-11-02"
    response = admin_client.post(path, data)
    assert response.status_code == 302
    unreviewed_quiz.refresh_from_db()
    assert (unreviewed_quiz.reviewed_by, unreviewed_quiz.current_as_of) == (ida, REVIEWED_ON)


@pytest.mark.parametrize(
    ("reviewer", "date", "field"),
    [
        ("uncertified", "2026-11-02", "reviewed_by"),
        ("certified", "tomorrow", "current_as_of"),
        ("", "2026-11-02", "reviewed_by"),
        ("certified", "", "current_as_of"),
    ],
)
def test_a_review_the_rules_refuse_saves_nothing(
    admin_client, unreviewed_quiz, reviewer, date, field
):
    people = {"uncertified": UserFactory(), "certified": certified()}
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    path, data = editor_form(admin_client, unreviewed_quiz)
    data["title"] = "Renamed quiz"
    data["reviewed_by"] = str(people[reviewer].pk) if reviewer else ""
    data["current_as_of"] = tomorrow if date == "tomorrow" else date
    response = admin_client.post(path, data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    unreviewed_quiz.refresh_from_db()
    assert unreviewed_quiz.title != "Renamed quiz"
    assert unreviewed_quiz.reviewed_by is None


def test_the_quiz_editor_offers_only_certificate_holders(admin_client, unreviewed_quiz):
    certified()
    UserFactory()
    html = admin_client.get(
        reverse("wagtailsnippets_assessments_assessment:edit", args=[unreviewed_quiz.pk])
    ).content
    select = BeautifulSoup(html, "html.parser").select_one("select[name=reviewed_by]")
    options = [option.get_text(strip=True) for option in select.select("option") if option["value"]]
    assert options == ["Ida Instructor, CFI 3456789"]
    assert Assessment.objects.filter(reviewed_by__isnull=False).count() == 0
