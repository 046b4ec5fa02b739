"""The course analytics page and its CSV: who may open them (the team matrix), what
they show (aggregates, never a learner's name), bad date ranges, flat query counts."""

import csv
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from learning.assessments.factories import make_assessment, single
from learning.enrollments.factories import complete, live_lessons
from tests.learning.instructors.test_analytics_snapshots import add_learners

pytestmark = pytest.mark.django_db

ALLOWED = {"lead", "admin"}
REFUSED_404 = {"co", "assistant", "outsider"}


def page_url(course, **query):
    url = reverse("instructors_course_analytics", args=[course.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def csv_url(course, **query):
    url = reverse("instructors_course_analytics_csv", args=[course.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.mark.parametrize("role", sorted(ALLOWED | REFUSED_404 | {"learner", "anonymous"}))
@pytest.mark.parametrize("which", [page_url, csv_url])
def test_only_the_analytics_team_opens_the_page_and_csv(client, team, role, which):
    if role != "anonymous":
        client.force_login(getattr(team, role))
    response = client.get(which(team.course))
    if role in ALLOWED:
        assert response.status_code == 200
    elif role in REFUSED_404:
        assert response.status_code == 404
    else:  # no admin access: Wagtail sends them to log in or away, never the figures
        assert response.status_code in (302, 403)
        assert b"Lesson drop-off" not in response.content


def test_the_outsider_cannot_read_another_course_by_id(client, team):
    client.force_login(team.lead)
    assert client.get(page_url(team.other_course)).status_code == 404
    assert client.get(csv_url(team.other_course)).status_code == 404
    assert (
        client.get(page_url(team.course).replace(str(team.course.pk), "999999")).status_code == 404
    )


def test_the_page_shows_every_section_and_no_learner_name(client, team):
    complete(team.learner, live_lessons(team.course)[:3])
    make_assessment(
        live_lessons(team.course)[0], [single("Class B ceiling?", "10,000 ft", "18,000 ft")]
    )
    client.force_login(team.lead)
    html = client.get(page_url(team.course)).content.decode()
    for heading in (
        "Enrollments over time",
        "Completion funnel by module",
        "Lesson drop-off",
        "Quiz item difficulty",
        "Lesson time",
    ):
        assert heading in html
    assert "Class B ceiling?" in html
    assert 'role="img"' in html
    assert "<title id=" in html
    assert "Module 1</th>" in html
    assert "1 (100%)" in html
    assert "Lee" not in html
    assert team.learner.email not in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2025-13-45"}, "Enter a valid date"),
        ({"start": "2025-03-01", "end": "2025-02-01"}, "start date must be on or before"),
        ({"start": "2023-01-01", "end": "2025-01-01"}, "at most 366 days"),
    ],
)
def test_bad_ranges_are_form_errors_not_crashes(client, team, query, message):
    client.force_login(team.lead)
    response = client.get(page_url(team.course, **query))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert client.get(csv_url(team.course, **query)).status_code == 400


def test_the_csv_holds_the_figures_of_the_range(client, team):
    complete(team.learner, live_lessons(team.course)[:1])
    client.force_login(team.admin)
    response = client.get(csv_url(team.course, start="2025-01-01", end="2025-01-03"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Section", "Item", "Figure", "Value"]
    assert ["Enrollments", "2025-01-02", "New enrollments", "0"] in rows
    assert ["Summary", "Course", "Enrolled (active or completed)", "0"] in rows  # not yet in 2025
    assert ["Lesson drop-off", "Lesson 1.1", "Reached", "0"] in rows
    rows = list(csv.reader(io.StringIO(client.get(csv_url(team.course)).content.decode())))
    assert ["Summary", "Course", "Enrolled (active or completed)", "1"] in rows
    assert ["Lesson drop-off", "Lesson 1.1", "Reached", "1"] in rows
    assert ["Lesson drop-off", "Lesson 1.2", "Reached", "0"] in rows


def count_page_queries(client, course):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page_url(course))
    assert response.status_code == 200
    return len(queries)


def test_the_page_query_count_is_flat_in_learners(client, team):
    make_assessment(live_lessons(team.course)[0], [single("Q?", "A", "B")])
    client.force_login(team.lead)
    add_learners(team.course, 2)  # with Lee: 3
    client.get(page_url(team.course))  # warm the session and permission caches
    at_three = count_page_queries(client, team.course)
    add_learners(team.course, 37)
    at_forty = count_page_queries(client, team.course)
    assert at_three == at_forty
    assert at_forty <= 30
