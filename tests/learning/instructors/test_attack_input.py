"""Malformed input on the instructor pages answers 4xx, never 500."""

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    ["?end=0001-01-01", "?start=0001-01-01&end=0001-01-02", "?start=9999-12-31&end=9999-12-31"],
)
def test_the_analytics_range_at_the_calendar_edges_is_a_form_error(client, team, query):
    client.force_login(team.lead)
    for name in ("instructors_course_analytics", "instructors_course_analytics_csv"):
        response = client.get(reverse(name, args=[team.course.pk]) + query)
        assert response.status_code in (200, 400), (name, query)


@pytest.mark.parametrize(
    "query", ["?sort=%00", "?page=-1", "?page=99999999999999999999", "?sort=-&q=%FF", "?risk=x"]
)
def test_a_garbled_roster_query_is_never_an_error(client, team, query):
    client.force_login(team.lead)
    for name in ("instructors_roster", "instructors_roster_csv"):
        response = client.get(reverse(name, args=[team.course.pk]) + query)
        assert response.status_code == 200, (name, query)
