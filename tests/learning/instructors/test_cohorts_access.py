"""Who may open which cohort page: the permission matrix of the `team` fixture, a plain
learner, an instructor with no course and a guest, on every cohort URL, with another
instructor's cohort ids (404)."""

from django.urls import reverse

import pytest

from learning.courses.models import CourseInstructor
from learning.instructors.factories import instructor
from learning.instructors.models import Cohort

from .cohort_helpers import csv_file, make_cohort

pytestmark = pytest.mark.django_db

LIST = reverse("instructors_cohorts")
NEW = reverse("instructors_cohort_new")


def cohort_urls(cohort, member_id=1):
    return [
        reverse("instructors_cohort", args=[cohort.pk]),
        reverse("instructors_cohort_edit", args=[cohort.pk]),
        reverse("instructors_cohort_import", args=[cohort.pk]),
        reverse("instructors_cohort_member_remove", args=[cohort.pk, member_id]),
    ]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("lead", 200),
        ("co", 200),
        ("assistant", 200),
        ("outsider", 200),
        ("admin", 200),
        ("learner", 302),  # no admin access: to the admin login
    ],
)
def test_the_list_and_new_form_by_role(client, team, role, status):
    client.force_login(getattr(team, role))
    assert client.get(LIST).status_code == status
    assert client.get(NEW).status_code == status


def test_guests_go_to_the_login_and_teachers_without_the_right_get_a_403(client, team):
    assert client.get(LIST).status_code == 302
    client.force_login(instructor())  # in the Instructors group, credited on nothing
    response = client.get(LIST)
    assert response.status_code == 403
    assert "manage the students" in response.content.decode()
    no_right = instructor(team.course, CourseInstructor.Role.ASSISTANT, can_manage_students=False)
    client.force_login(no_right)
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, {"name": "Sneaky", "courses": [team.course.pk]}).status_code == 403
    assert not Cohort.objects.exists()


@pytest.mark.parametrize(
    ("role", "expected"),
    [("lead", 200), ("admin", 200), ("co", 404), ("assistant", 404), ("outsider", 404)],
)
def test_a_cohort_opens_only_for_its_instructors(client, team, role, expected):
    cohort = make_cohort(team.lead, [team.course])
    member = cohort.members.create(email="x@example.test", name="X")
    client.force_login(getattr(team, role))
    for url in cohort_urls(cohort, member.pk):
        assert client.get(url).status_code == expected, url
    removal = client.post(cohort_urls(cohort, member.pk)[3])
    assert removal.status_code == (302 if expected == 200 else 404)
    upload = client.post(cohort_urls(cohort)[2], {"file": csv_file("a@example.test,A\n")})
    assert upload.status_code == expected
    member.refresh_from_db()
    assert member.status == ("removed" if expected == 200 else "active")


def test_a_co_instructor_named_on_the_cohort_may_open_it(client, team):
    cohort = make_cohort(team.lead, [team.course], instructors=[team.co])
    client.force_login(team.co)
    assert client.get(cohort_urls(cohort)[0]).status_code == 200
    assert "Spring 2027 class" in client.get(LIST).content.decode()
    client.force_login(team.outsider)
    assert "Spring 2027 class" not in client.get(LIST).content.decode()


def test_the_form_offers_only_courses_with_the_manage_right(client, team):
    client.force_login(team.lead)
    html = client.get(NEW).content.decode()
    assert "Private Pilot Checkride" in html
    assert "Instrument Rating" not in html
    response = client.post(NEW, {"name": "Mixed", "courses": [team.other_course.pk]})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Cohort.objects.exists()


def test_creating_a_cohort_makes_the_creator_its_instructor(client, team):
    client.force_login(team.assistant)
    response = client.post(
        NEW, {"name": "Weekend class", "courses": [team.course.pk], "instructors": [team.lead.pk]}
    )
    cohort = Cohort.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("instructors_cohort", args=[cohort.pk])
    assert set(cohort.instructors.all()) == {team.assistant, team.lead}
    assert [course.pk for course in cohort.courses.all()] == [team.course.pk]


def test_missing_name_or_courses_are_form_errors(client, team):
    client.force_login(team.lead)
    response = client.post(NEW, {"name": "", "courses": []})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required." in html
    assert "Choose at least one course." in html
    too_long = client.post(NEW, {"name": "x" * 151, "courses": [team.course.pk]})
    assert too_long.status_code == 400
    assert not Cohort.objects.exists()


def test_editing_keeps_a_course_the_editor_cannot_choose(client, team):
    cohort = make_cohort(team.admin, [team.course, team.other_course], instructors=[team.lead])
    client.force_login(team.lead)
    edit = reverse("instructors_cohort_edit", args=[cohort.pk])
    assert "Instrument Rating" in client.get(edit).content.decode()  # listed as kept
    response = client.post(edit, {"name": "Renamed", "courses": [team.course.pk]})
    assert response.status_code == 302
    cohort.refresh_from_db()
    assert cohort.name == "Renamed"
    assert {course.pk for course in cohort.courses.all()} == {
        team.course.pk,
        team.other_course.pk,
    }
