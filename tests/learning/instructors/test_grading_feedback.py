"""Instructor feedback on quiz attempts and mock orals: who may write it (the `team`
matrix, other learners' ids, learners who do not share), what the learner then sees and
hears, that the score never moves, and that over-long feedback is a form error."""

from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from community.notifications.models import Notification
from learning.courses.models import CourseInstructor
from learning.enrollments.factories import enroll
from learning.enrollments.models import Enrollment
from learning.enrollments.sharing import set_sharing

from .grading_helpers import completed_oral, quiz_in, submitted_attempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def attempt(team):
    return submitted_attempt(team.learner, quiz_in(team.course))


def attempt_url(attempt):
    return reverse("instructors_attempt_feedback", args=[attempt.pk])


def oral_url(session):
    return reverse("instructors_oral_feedback", args=[session.pk])


def answer_field(attempt, index):
    answer = attempt.answers.order_by("pk")[index]
    return f"answer_{answer.pk}"


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("lead", 200),
        ("co", 200),
        ("assistant", 200),
        ("admin", 200),
        ("outsider", 404),
        ("learner", 302),  # no admin access: to the admin login
    ],
)
def test_the_matrix_on_both_feedback_pages(client, team, attempt, role, status):
    session = completed_oral(team.learner)
    client.force_login(getattr(team, role))
    assert client.get(attempt_url(attempt)).status_code == status
    assert client.get(oral_url(session)).status_code == status
    posted = client.post(attempt_url(attempt), {"overall": "Sneaky"})
    assert posted.status_code == (302 if status == 200 else status)
    attempt.refresh_from_db()
    assert (attempt.instructor_feedback == "Sneaky") == (status == 200)


def test_guests_and_teachers_without_the_right(client, team, attempt):
    assert client.get(attempt_url(attempt)).status_code == 302
    CourseInstructor.objects.filter(user=team.lead).update(can_manage_students=False)
    client.force_login(team.lead)
    response = client.get(attempt_url(attempt))
    assert response.status_code == 403
    assert "manage the students" in response.content.decode()


def test_other_learners_and_unshared_work_are_not_found(client, team, attempt):
    stranger = UserFactory()  # enrolled nowhere the lead teaches
    enroll(stranger, team.other_course)
    theirs = submitted_attempt(stranger, quiz_in(team.other_course))
    their_oral = completed_oral(stranger)
    client.force_login(team.lead)
    assert client.get(attempt_url(theirs)).status_code == 404
    assert client.post(attempt_url(theirs), {"overall": "x"}).status_code == 404
    assert client.get(oral_url(their_oral)).status_code == 404
    assert client.get(reverse("instructors_attempt_feedback", args=[999999])).status_code == 404

    set_sharing(Enrollment.objects.get(user=team.learner), False)
    assert client.get(attempt_url(attempt)).status_code == 404
    assert client.get(oral_url(completed_oral(team.learner))).status_code == 404


def test_an_unsubmitted_attempt_is_not_found(client, team, attempt):
    attempt.submitted_at = None
    attempt.save()
    client.force_login(team.lead)
    assert client.get(attempt_url(attempt)).status_code == 404


def test_feedback_reaches_the_learner_and_the_score_stays(client, team, attempt):
    client.force_login(team.lead)
    data = {
        "overall": "Review the <b>Class B</b> shelf.",
        answer_field(attempt, 1): "VFR means visual flight rules.",
    }
    response = client.post(attempt_url(attempt), data)
    assert response.status_code == 302
    client.post(attempt_url(attempt), data)  # a double submit changes nothing
    attempt.refresh_from_db()
    assert (attempt.score, attempt.percentage, attempt.passed) == (1, 50, False)
    assert attempt.feedback_by == team.lead
    notes = Notification.objects.filter(recipient=team.learner, kind="instructor_feedback")
    assert notes.count() == 1
    assert notes.get().url == reverse("quiz_result", args=[attempt.pk])

    client.force_login(team.learner)
    page = client.get(reverse("quiz_result", args=[attempt.pk])).content.decode()
    assert "Feedback from your instructor" in page
    assert "Review the &lt;b&gt;Class B&lt;/b&gt; shelf." in page
    assert "VFR means visual flight rules." in page
    assert "1 of 2 points (50%)" in page


def test_too_long_feedback_is_a_form_error_and_saves_nothing(client, team, attempt):
    client.force_login(team.lead)
    response = client.post(
        attempt_url(attempt), {"overall": "x" * 4_001, answer_field(attempt, 0): "fine"}
    )
    assert response.status_code == 400
    assert "Ensure this value has at most 4000 characters" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.instructor_feedback == ""
    assert not attempt.answers.exclude(feedback="").exists()
    assert not Notification.objects.filter(kind="instructor_feedback").exists()


def test_a_quiz_without_per_question_results_asks_only_for_overall_feedback(client, team):
    attempt = submitted_attempt(team.learner, quiz_in(team.course, show_results=False))
    client.force_login(team.lead)
    html = client.get(attempt_url(attempt)).content.decode()
    assert "only the overall feedback reaches them" in html
    assert "Feedback on question 1" not in html


def test_oral_comments_reach_the_learner_and_grades_stay(client, team):
    session = completed_oral(team.learner)
    first, second = session.items.order_by("order")
    client.force_login(team.co)
    # 14 CFR 91.213(d): flying with inoperative equipment when there is no MEL.
    response = client.post(oral_url(session), {f"item_{first.pk}": "Cite 91.213(d)."})
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.instructor_comment, first.grade) == ("Cite 91.213(d).", "unsatisfactory")
    assert first.commented_by == team.co
    too_long = client.post(oral_url(session), {f"item_{second.pk}": "y" * 2_001})
    assert too_long.status_code == 400
    note = Notification.objects.get(recipient=team.learner, kind="instructor_feedback")
    assert note.url == reverse("orals_result", args=[session.pk])

    client.force_login(team.learner)
    page = client.get(reverse("orals_result", args=[session.pk])).content.decode()
    assert "Your instructor:" in page
    assert "Cite 91.213(d)." in page


def render_panel(viewer, student):
    request = RequestFactory().get("/admin/")
    request.user = viewer
    template = Template("{% load instructor_grading %}{% student_feedback_panel student %}")
    return template.render(Context({"request": request, "student": student}))


def test_the_student_panel_lists_work_with_feedback_links(
    team, attempt, django_assert_max_num_queries
):
    session = completed_oral(team.learner)
    with django_assert_max_num_queries(3):
        html = render_panel(team.assistant, team.learner)
    assert "Airspace quiz" in html
    assert attempt_url(attempt) in html
    assert oral_url(session) in html
    assert "Give feedback" in html
    attempt.instructor_feedback = "Done"
    attempt.feedback_at = attempt.submitted_at
    attempt.save()
    assert "Edit feedback" in render_panel(team.assistant, team.learner)
    outsider_html = render_panel(team.outsider, team.learner)
    assert attempt_url(attempt) not in outsider_html
    assert oral_url(session) not in outsider_html
