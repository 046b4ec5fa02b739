"""The admin home panels per role and the dashboard settings that choose them."""

import datetime

from django.urls import reverse

import pytest

from community.reviews.models import Review
from learning.instructors.analytics.snapshots import take_snapshots
from learning.instructors.factories import credit
from learning.instructors.models import DashboardPreference
from tests.roles import ROLE_FACTORIES

pytestmark = pytest.mark.django_db

COURSES, ATTENTION = "My courses at a glance", "Students needing attention"
REVIEWS, PLATFORM = "Recent reviews", "Platform figures"


def home(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def today():
    return datetime.datetime.now(datetime.UTC).date()


def test_the_lead_sees_their_course_figures_links_and_reviews(client, team):
    Review.objects.create(
        user=team.learner, course=team.course, rating=5, title="Great prep", is_approved=True
    )
    take_snapshots(today())
    html = home(client, team.lead)
    for heading in (COURSES, ATTENTION, REVIEWS):
        assert heading in html
    assert PLATFORM not in html
    assert reverse("instructors_course_analytics", args=[team.course.pk]) in html
    assert reverse("instructors_roster", args=[team.course.pk]) in html
    assert "Great prep" in html
    assert "5.0 / 5 (1)" in html
    assert "Instrument Rating" not in html  # the other course is not theirs


def test_an_assistant_gets_no_figures_and_no_analytics_link(client, team):
    take_snapshots(today())
    html = home(client, team.assistant)
    assert COURSES in html
    assert "analytics team" in html
    assert reverse("instructors_course_analytics", args=[team.course.pk]) not in html
    assert reverse("instructors_roster", args=[team.course.pk]) in html


def test_an_administrator_sees_platform_figures_and_only_the_courses_they_teach(client, team):
    take_snapshots(today())
    html = home(client, team.admin)
    assert PLATFORM in html
    assert "Platform figures per day" in html
    assert 'role="img"' in html
    # "My courses" panels are about courses one is credited on, not the whole platform
    # (a platform-wide "needing attention" scan on every admin home would not scale).
    for heading in (COURSES, ATTENTION, REVIEWS):
        assert heading not in html
    credit(team.admin, team.course)
    html = home(client, team.admin)
    for heading in (COURSES, ATTENTION, REVIEWS, PLATFORM):
        assert heading in html


def test_a_marketer_sees_none_of_the_instructor_panels(client, team):
    html = home(client, ROLE_FACTORIES["marketer"]())
    for heading in (COURSES, ATTENTION, REVIEWS, PLATFORM):
        assert heading not in html


def test_preferences_choose_and_order_the_panels(client, team):
    client.force_login(team.lead)
    url = reverse("instructors_dashboard_settings")
    form = client.get(url).content.decode()
    assert 'for="id_show_reviews"' in form
    assert "Platform" not in form
    response = client.post(
        url,
        {
            "show_reviews": "on",
            "position_reviews": "1",
            "show_courses": "on",
            "position_courses": "2",
            "position_attention": "3",
        },
    )
    assert response.status_code == 302
    assert DashboardPreference.objects.get(user=team.lead).panels == ["reviews", "courses"]
    html = home(client, team.lead)
    assert ATTENTION not in html
    assert html.index(REVIEWS) < html.index(COURSES)


def test_bad_settings_are_form_errors_and_change_nothing(client, team):
    client.force_login(team.lead)
    url = reverse("instructors_dashboard_settings")
    response = client.post(url, {"show_reviews": "on", "position_reviews": "99"})
    assert response.status_code == 400
    assert "less than or equal to 3" in response.content.decode()
    assert not DashboardPreference.objects.filter(user=team.lead).exists()


@pytest.mark.parametrize("role", ["learner", "marketer", "anonymous"])
def test_only_users_with_panels_open_the_settings(client, team, role):
    user = {"learner": team.learner, "anonymous": None}.get(role) or (
        ROLE_FACTORIES["marketer"]() if role == "marketer" else None
    )
    if user is not None:
        client.force_login(user)
    response = client.get(reverse("instructors_dashboard_settings"))
    assert response.status_code == (404 if role == "marketer" else 302)
