"""Learners' records follow MANAGE_STUDENTS and the learner's per-course choice: an
assistant sees the quiz attempts and mock orals of learners who share them
in their course; another course's instructor never does; a learner who stops sharing
one course disappears from that course's lists and URLs but not from another course
they share. The learner makes that choice on the course page."""

import random

from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from learning.acs.factories import make_tree
from learning.acs.models import AcsTask
from learning.assessments import services as quizzes
from learning.assessments.factories import make_assessment, true_false
from learning.courses.factories import make_lesson, make_module
from learning.courses.models import CourseInstructor
from learning.enrollments.factories import enroll
from learning.enrollments.models import Enrollment
from learning.instructors.factories import credit
from learning.orals import services as orals
from tests.learning.orals.conftest import add_question

pytestmark = pytest.mark.django_db
ATTEMPTS = reverse("assessments_attempt_modeladmin_index")


def a_quiz_attempt(learner, course):
    module = make_module(course, title="Quiz module")
    lesson = make_lesson(module, title="Checkride quiz", lesson_type="quiz")
    quiz = make_assessment(lesson, [true_false("VFR needs 3 miles.", True)], title="Airspace quiz")
    attempt, _ = quizzes.start_attempt(learner, quiz)
    return quizzes.submit_attempt(learner, attempt.pk)


def a_mock_oral(learner):
    standard = make_tree(areas=1, tasks=1, knowledge=1, risks=0, skills=0)
    task = AcsTask.objects.get(area__standard=standard)
    for element in task.elements.all():
        add_question(element)
    session, _ = orals.start_session(
        learner, standard, task_ids=[task.pk], planned_minutes=15, rng=random.Random(1)
    )
    return session


LEARNER = "lee.learner@example.test"


def listed(client, user, url):
    """Whether the admin listing at `url` shows the team's learner to `user`."""
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return LEARNER in response.text


@pytest.fixture
def records(team):
    """The learner's quiz attempt in the course and a mock oral; returns the oral."""
    type(team.learner).objects.filter(pk=team.learner.pk).update(email=LEARNER)
    a_quiz_attempt(team.learner, team.course)
    return a_mock_oral(team.learner)


def set_share(client, learner, course, value):
    enrollment = Enrollment.objects.get(user=learner, course=course)
    client.force_login(learner)
    return client.post(reverse("enrollment_sharing", args=[enrollment.pk]), {"share": value})


def test_the_assistant_sees_a_sharing_learners_records_and_the_outsider_does_not(
    client, team, records
):
    for who in ("lead", "co", "assistant"):
        user = getattr(team, who)
        assert listed(client, user, ATTEMPTS), who
        assert client.get(reverse("orals_session", args=[records.pk])).status_code == 200
    assert not listed(client, team.outsider, ATTEMPTS)
    assert client.get(reverse("orals_session", args=[records.pk])).status_code == 404


def test_without_the_manage_students_right_the_records_are_hidden(client, team, records):
    credit(team.assistant, team.course, CourseInstructor.Role.ASSISTANT, can_manage_students=False)
    assert not listed(client, team.assistant, ATTEMPTS)
    assert client.get(reverse("orals_session", args=[records.pk])).status_code == 404


def test_a_learner_who_stops_sharing_one_course_stays_shared_in_another(client, team, records):
    enroll(team.learner, team.other_course)
    response = set_share(client, team.learner, team.course, "private")
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200

    assert not listed(client, team.assistant, ATTEMPTS)
    assert client.get(reverse("orals_session", args=[records.pk])).status_code == 404
    # The other course's lead still sees the learner's mock oral there.
    client.force_login(team.outsider)
    assert client.get(reverse("orals_session", args=[records.pk])).status_code == 200

    # Following the account setting again (on by default) shares the course again.
    set_share(client, team.learner, team.course, "account")
    assert listed(client, team.assistant, ATTEMPTS)


def test_sharing_overrides_the_account_setting_per_course(client, team, records):
    team.learner.preferences.show_progress_to_instructors = False
    team.learner.preferences.save()
    assert not listed(client, team.assistant, ATTEMPTS)
    set_share(client, team.learner, team.course, "share")
    assert listed(client, team.assistant, ATTEMPTS)


def test_the_course_page_offers_the_three_choices(client, team):
    client.force_login(team.learner)
    page = client.get(team.course.url).text
    assert "Let my instructors see my progress in this course" in page
    assert 'value="account" id="share-account" checked' in page
    set_share(client, team.learner, team.course, "private")
    page = client.get(team.course.url).text
    assert 'value="private" id="share-no" checked' in page


def test_only_the_learner_changes_their_choice(client, team):
    enrollment = Enrollment.objects.get(user=team.learner, course=team.course)
    url = reverse("enrollment_sharing", args=[enrollment.pk])
    anonymous = client.post(url, {"share": "private"})
    assert anonymous.status_code == 302
    assert "login" in anonymous["Location"]
    client.force_login(UserFactory())
    assert client.post(url, {"share": "private"}).status_code == 404
    client.force_login(team.lead)  # their instructor neither
    assert client.post(url, {"share": "share"}).status_code == 404
    client.force_login(team.learner)
    assert client.post(url, {"share": "maybe"}).status_code == 400
    assert client.get(url).status_code == 405
    assert client.post(reverse("enrollment_sharing", args=[999999]), {}).status_code == 404
    enrollment.refresh_from_db()
    assert enrollment.share_progress is None


def test_the_preferences_page_explains_the_per_course_choice(client, team):
    client.force_login(team.learner)
    page = client.get(reverse("account_settings")).text
    assert "you can share or not share that one course differently" in page
