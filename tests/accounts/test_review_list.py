"""Reports > Content due for review: never-reviewed and stale content of every reviewed
model, oldest first, with its reviewer, age and editor link; instructors and
administrators only; the same queries for 3 rows as for 30."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.content_review import reviewed_models
from accounts.factories import UserFactory
from accounts.review_list import UNKNOWN_TYPE
from learning.assessments.factories import make_assessment
from learning.courses.factories import make_catalog, make_course, make_lesson, make_module
from tests.roles import ROLE_FACTORIES

pytestmark = pytest.mark.django_db

LIST = reverse("content_review_due")
TODAY = timezone.localdate()


def days_ago(days):
    return TODAY - datetime.timedelta(days=days)


def reviewer():
    user = UserFactory()
    user.profile.display_name = "Ida Instructor"
    user.profile.faa_certificate_grade, user.profile.faa_certificate_number = "CFI", "3456789"
    user.profile.save()
    return user


ROLES = ROLE_FACTORIES
ALLOWED = {"instructor", "admin"}


@pytest.fixture
def module():
    return make_module(make_course(make_catalog(), title="Private Pilot Prep"), title="Airspace")


@pytest.fixture
def content(module):
    ida = reviewer()
    return {
        "fresh": make_lesson(
            module, title="Fresh lesson", reviewed_by=ida, current_as_of=days_ago(10)
        ),
        "stale": make_lesson(
            module, title="Stale lesson", reviewed_by=ida, current_as_of=days_ago(400)
        ),
        "older": make_assessment(
            None, title="Older quiz", reviewed_by=ida, current_as_of=days_ago(500)
        ),
        "never": make_lesson(module, title="Never reviewed lesson"),
    }


def titles(response):
    return [row.title for row in response.context["rows"]]


@pytest.mark.parametrize("role", ROLES)
def test_only_instructors_and_admins_see_the_list_and_its_menu_item(client, role, content):
    client.force_login(ROLES[role]())
    response = client.get(LIST)
    if role in ALLOWED:
        assert response.status_code == 200
        assert "Stale lesson" in titles(response)
        assert b"Content due for review" in client.get(reverse("wagtailadmin_home")).content
    elif role == "learner":  # no admin access at all: Wagtail sends them away
        assert response.status_code == 302
        assert b"Stale lesson" not in response.content
    else:
        assert response.status_code == 403
        assert b"Stale lesson" not in response.content
        assert b"Only instructors and administrators" in response.content
        assert b"Content due for review" not in client.get(reverse("wagtailadmin_home")).content


def test_guests_are_sent_to_log_in(client):
    response = client.get(LIST)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert b"Content due for review" not in response.content


def test_never_reviewed_and_stale_content_oldest_first_with_age_and_reviewer(client, content):
    client.force_login(ROLES["admin"]())
    response = client.get(LIST)
    assert titles(response)[:3] == ["Never reviewed lesson", "Older quiz", "Stale lesson"]
    assert "Fresh lesson" not in titles(response)
    html = response.content.decode()
    assert "400 days" in html
    assert "500 days" in html
    assert "Ida Instructor, CFI 3456789" in html
    assert "Never reviewed" in html
    rows = {row.title: row for row in response.context["rows"]}
    assert rows["Stale lesson"].edit_url == reverse(
        "wagtailadmin_pages:edit", args=[content["stale"].pk]
    )
    assert rows["Older quiz"].edit_url == reverse(
        "wagtailsnippets_assessments_assessment:edit", args=[content["older"].pk]
    )
    assert rows["Older quiz"].type == "Assessment"


def test_the_configured_age_decides_what_is_stale(client, content, settings):
    settings.CONTENT_REVIEW_MAX_AGE_DAYS = 5
    client.force_login(ROLES["admin"]())
    assert "Fresh lesson" in titles(client.get(LIST))


def test_filter_by_type_and_a_made_up_type_shows_everything_with_a_notice(client, content):
    client.force_login(ROLES["instructor"]())
    quizzes = client.get(LIST, {"type": "assessments.assessment"})
    assert titles(quizzes) == ["Older quiz"]
    lessons = client.get(LIST, {"type": "courses.lessonpage"})
    assert titles(lessons) == ["Never reviewed lesson", "Stale lesson"]
    made_up = client.get(LIST, {"type": "accounts.user", "page": "abc"})
    assert made_up.status_code == 200
    assert UNKNOWN_TYPE in made_up.content.decode()
    assert {"Older quiz", "Stale lesson"} <= set(titles(made_up))


def test_every_reviewed_model_is_found_without_being_imported():
    labels = {model._meta.label_lower for model in reviewed_models()}
    assert {"courses.lessonpage", "assessments.assessment", "orals.oralquestion"} <= labels
    assert "flashcards.deck" in labels


def test_the_list_costs_the_same_queries_for_3_rows_as_for_30(client, module):
    client.force_login(ROLES["instructor"]())
    ida = reviewer()

    def add(count, start):
        for n in range(start, start + count):
            make_lesson(module, title=f"Lesson {n}", reviewed_by=ida, current_as_of=days_ago(999))
            make_assessment(None, title=f"Quiz {n}", reviewed_by=ida, current_as_of=days_ago(999))

    def queries():
        client.get(LIST)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(LIST)
        assert response.status_code == 200
        return len(captured), len(response.context["rows"])

    add(2, 0)
    few, few_rows = queries()
    add(13, 2)
    many, many_rows = queries()
    assert (few_rows, many_rows) == (4, 30)
    assert few == many


def test_a_learners_own_deck_is_not_listed_but_a_course_deck_is(client, module):
    from learning.flashcards.factories import DeckFactory

    DeckFactory(name="Lee's private cards")
    DeckFactory(owner=None, course=module.get_parent().specific, name="Official airspace deck")
    client.force_login(ROLES["admin"]())
    listed = titles(client.get(LIST, {"type": "flashcards.deck"}))
    assert listed == ["Official airspace deck"]
