"""Who may open the roster, its CSV, the student page and the note URLs: the `team`
permission matrix, plus learners who stop sharing and ids of other courses' learners."""

from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from learning.courses.models import CourseInstructor
from learning.enrollments.factories import enroll
from learning.enrollments.sharing import set_sharing
from learning.instructors.models import StudentNote

pytestmark = pytest.mark.django_db

SEES = ("lead", "co", "assistant", "admin")
REFUSED = ("outsider", "learner")


def urls(team):
    return [
        reverse("instructors_roster", args=[team.course.pk]),
        reverse("instructors_roster_csv", args=[team.course.pk]),
        reverse("instructors_student", args=[team.learner.pk]),
    ]


@pytest.mark.parametrize("role", SEES)
def test_course_team_and_admin_see_the_learner(client, team, role):
    client.force_login(getattr(team, role))
    for url in urls(team):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Lee" in response.content.decode(), url


@pytest.mark.parametrize("role", REFUSED)
def test_others_are_refused_without_the_learner(client, team, role):
    client.force_login(getattr(team, role))
    for url in urls(team):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert "Lee" not in response.content.decode(), url
    if role == "outsider":  # an instructor with admin access: a plain 404, not a redirect
        assert all(client.get(url).status_code == 404 for url in urls(team))


def test_anonymous_is_sent_to_log_in(client, team):
    for url in urls(team):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_unknown_ids_are_404(client, team):
    client.force_login(team.lead)
    assert client.get(reverse("instructors_roster", args=[999999])).status_code == 404
    assert client.get(reverse("instructors_student", args=[999999])).status_code == 404
    assert client.get(reverse("instructors_roster_csv", args=[999999])).status_code == 404


def test_a_learner_of_another_course_is_not_a_student_here(client, team):
    stranger = UserFactory(first_name="Olga", last_name="Other")
    enroll(stranger, team.other_course)
    client.force_login(team.lead)
    response = client.get(reverse("instructors_student", args=[stranger.pk]))
    assert response.status_code == 404
    roster = client.get(reverse("instructors_roster", args=[team.course.pk])).content.decode()
    assert "Olga" not in roster


def test_a_learner_who_stops_sharing_disappears_and_is_only_counted(client, team):
    client.force_login(team.lead)
    roster_url = reverse("instructors_roster", args=[team.course.pk])
    assert "Lee Learner" in client.get(roster_url).content.decode()
    set_sharing(team.learner.enrollments.get(course=team.course), False)
    page = client.get(roster_url).content.decode()
    assert "Lee" not in page
    assert "1 learner keeps their progress private" in page
    csv = client.get(reverse("instructors_roster_csv", args=[team.course.pk])).content.decode()
    assert "Lee" not in csv
    student = client.get(reverse("instructors_student", args=[team.learner.pk]))
    assert student.status_code == 404


def test_account_wide_preference_off_hides_a_learner_who_never_chose(client, team):
    preferences = team.learner.preferences
    preferences.show_progress_to_instructors = False
    preferences.save()
    client.force_login(team.lead)
    page = client.get(reverse("instructors_roster", args=[team.course.pk])).content.decode()
    assert "Lee" not in page
    assert "1 learner keeps their progress private" in page


def test_a_dropped_learner_is_not_on_the_roster(client, team):
    team.learner.enrollments.filter(course=team.course).update(status="dropped")
    client.force_login(team.lead)
    page = client.get(reverse("instructors_roster", args=[team.course.pk])).content.decode()
    assert "Lee" not in page
    assert client.get(reverse("instructors_student", args=[team.learner.pk])).status_code == 404


def test_an_inactive_credit_or_no_manage_right_loses_the_roster(client, team):
    CourseInstructor.objects.filter(user=team.assistant).update(can_manage_students=False)
    CourseInstructor.objects.filter(user=team.co).update(is_active=False)
    for user in (team.assistant, team.co):
        client.force_login(user)
        for url in urls(team):
            assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("role", SEES)
def test_note_urls_follow_the_student_page(client, team, role):
    client.force_login(getattr(team, role))
    add = reverse("instructors_student_note_add", args=[team.learner.pk])
    response = client.post(add, {"body": f"Note by {role}"})
    assert response.status_code == 302
    assert StudentNote.objects.filter(body=f"Note by {role}").count() == 1


@pytest.mark.parametrize("role", REFUSED)
def test_note_urls_refuse_others(client, team, role):
    note = StudentNote.objects.create(author=team.lead, student=team.learner, body="Lead's")
    client.force_login(getattr(team, role))
    add = reverse("instructors_student_note_add", args=[team.learner.pk])
    edit = reverse("instructors_student_note_edit", args=[team.learner.pk, note.pk])
    delete = reverse("instructors_student_note_delete", args=[team.learner.pk, note.pk])
    assert client.post(add, {"body": "sneaky"}).status_code in (302, 403, 404)
    assert client.post(edit, {"body": "sneaky"}).status_code in (302, 403, 404)
    assert client.post(delete).status_code in (302, 403, 404)
    note.refresh_from_db()
    assert note.body == "Lead's"
    assert not StudentNote.objects.filter(body="sneaky").exists()
