"""The cohort roster: members with their status, progress only where the learner shares
it, removal (enrollments kept unless asked), and a query count flat in the members."""

from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from community.notifications.models import Notification
from learning.enrollments.factories import complete, enroll, live_lessons
from learning.enrollments.models import Enrollment
from learning.enrollments.sharing import set_sharing
from learning.instructors.models import CohortMember

from .cohort_helpers import make_cohort

pytestmark = pytest.mark.django_db

Status = CohortMember.Status


def add(cohort, user, status=Status.ACTIVE):
    return cohort.members.create(
        user=user, email=user.email, name=user.get_full_name(), status=status
    )


def cells_of(response):
    return {
        row.member.email: [cell.label for cell in row.cells] for row in response.context["rows"]
    }


def test_progress_shows_only_where_the_learner_shares(client, team):
    cohort = make_cohort(team.admin, [team.course, team.other_course], instructors=[team.lead])
    complete(team.learner, live_lessons(team.course)[:3])
    private = UserFactory(first_name="Pia", last_name="Private")
    enroll(private, team.course)
    set_sharing(Enrollment.objects.get(user=private), False)
    absent = UserFactory(first_name="Abe", last_name="Absent")
    for user in (team.learner, private, absent):
        add(cohort, user)
    cohort.members.create(email="invitee@example.test", status=Status.INVITED)
    client.force_login(team.lead)
    response = client.get(reverse("instructors_cohort", args=[cohort.pk]))
    assert response.status_code == 200
    cells = cells_of(response)
    # Columns: Instrument Rating (not the lead's course), Private Pilot Checkride.
    assert cells[team.learner.email] == ["Not your course", "50%"]
    assert cells[private.email] == ["Not your course", "Private"]
    assert cells[absent.email] == ["Not your course", "Not enrolled"]
    assert cells["invitee@example.test"] == ["Not your course", "Not enrolled"]
    html = response.content.decode()
    assert "Invited" in html
    assert "50%" in html


def test_removing_keeps_enrollments_unless_asked(client, team, commit):
    cohort = make_cohort(team.lead, [team.course])
    member = add(cohort, team.learner)
    url = reverse("instructors_cohort_member_remove", args=[cohort.pk, member.pk])
    client.force_login(team.lead)
    confirm = client.get(url)
    assert "their learning record is theirs" in confirm.content.decode()
    with commit():
        response = client.post(url)
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.status == Status.REMOVED
    assert Enrollment.objects.get(user=team.learner).status == Enrollment.Status.ACTIVE
    assert Notification.objects.filter(recipient=team.learner, kind="cohort").exists()
    assert client.post(url).status_code == 404  # already removed


def test_removing_with_the_checkbox_drops_the_enrollment(client, team):
    cohort = make_cohort(team.lead, [team.course])
    member = add(cohort, team.learner)
    client.force_login(team.lead)
    url = reverse("instructors_cohort_member_remove", args=[cohort.pk, member.pk])
    client.post(url, {"drop_enrollments": "on"})
    assert Enrollment.objects.get(user=team.learner).status == Enrollment.Status.DROPPED


def test_a_member_of_another_cohort_is_not_found(client, team):
    mine = make_cohort(team.lead, [team.course])
    theirs = make_cohort(team.lead, [team.course], name="Other")
    member = add(theirs, team.learner)
    client.force_login(team.lead)
    url = reverse("instructors_cohort_member_remove", args=[mine.pk, member.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    member.refresh_from_db()
    assert member.status == Status.ACTIVE


def roster_queries(client, team, count, django_assert_max_num_queries):
    cohort = make_cohort(team.lead, [team.course, team.other_course], name=f"Class of {count}")
    for _ in range(count):
        user = UserFactory()
        enroll(user, team.course)
        add(cohort, user)
    client.force_login(team.lead)
    url = reverse("instructors_cohort", args=[cohort.pk])
    client.get(url)  # warm the session and permission caches
    with django_assert_max_num_queries(100) as captured:
        response = client.get(url)
    assert len(response.context["rows"]) == count
    return len(captured.captured_queries)


def test_the_roster_costs_the_same_for_3_or_40_members(client, team, django_assert_max_num_queries):
    few = roster_queries(client, team, 3, django_assert_max_num_queries)
    many = roster_queries(client, team, 40, django_assert_max_num_queries)
    assert few == many
    assert few <= 30  # the admin's menu and chrome included
