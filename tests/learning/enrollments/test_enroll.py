"""Enrolling and leaving from the course page: verified learners only, one enrollment
however often the button is pressed, CSRF-protected, clear refusals."""

from html import unescape

from django.test import Client
from django.urls import reverse

from accounts.factories import UserFactory
from learning.enrollments.models import ActivityType, Enrollment, UserActivity

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


def enroll_url(course):
    return reverse("enroll", args=[course.pk])


def test_a_learner_enrolls_from_the_course_page_and_sees_where_to_start(client, course, learner):
    client.force_login(learner)
    page = client.get(course.url).content.decode()
    assert "Enroll" in page
    assert enroll_url(course) in page

    response = client.post(enroll_url(course), follow=True)

    assert response.redirect_chain[-1][0] == course.url
    html = unescape(response.content.decode())
    assert f"You're enrolled in {course.title}." in html
    assert "0% complete" in html
    assert "Start: Class B" in html
    enrollment = Enrollment.objects.get(user=learner, course=course)
    assert enrollment.status == Enrollment.Status.ACTIVE
    assert UserActivity.objects.filter(user=learner, type=ActivityType.ENROLLED).count() == 1


def test_pressing_enroll_twice_keeps_one_enrollment(client, course, learner):
    client.force_login(learner)
    client.post(enroll_url(course))
    response = client.post(enroll_url(course), **FETCH)
    assert response.status_code == 200
    assert response.json()["message"] == "You're enrolled."
    assert Enrollment.objects.filter(user=learner, course=course).count() == 1


def test_enroll_with_javascript_returns_the_new_panel(client, course, learner):
    client.force_login(learner)
    response = client.post(enroll_url(course), **FETCH)
    data = response.json()
    assert 'id="enrollment-panel"' in data["html"]
    assert "Leave this course" in data["html"]


def test_a_guest_is_sent_to_log_in(client, course):
    response = client.post(enroll_url(course))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not Enrollment.objects.exists()


def test_an_unverified_email_cannot_enroll(client, course):
    user = UserFactory(verified=False)
    client.force_login(user)
    response = client.post(enroll_url(course))
    assert response.status_code == 403
    assert "Confirm your email address" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_unknown_or_unpublished_courses_give_404(client, course, learner):
    client.force_login(learner)
    assert client.post(reverse("enroll", args=[999_999])).status_code == 404
    course.unpublish()
    response = client.post(enroll_url(course), **FETCH)
    assert response.status_code == 404
    assert response.json()["error"] == "That course does not exist."


def test_enroll_needs_post_and_a_csrf_token(course, learner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert client.get(enroll_url(course)).status_code == 405
    assert client.post(enroll_url(course)).status_code == 403
    assert not Enrollment.objects.exists()


def test_leaving_keeps_progress_and_rejoining_restores_it(client, course, learner, enrolled):
    from learning.enrollments.services import complete_lesson

    complete_lesson(learner, course.lessons[0])
    client.force_login(learner)
    response = client.post(reverse("leave_course", args=[course.pk]), follow=True)
    assert "You left Private Pilot Prep" in response.content.decode()
    enrolled.refresh_from_db()
    assert enrolled.status == Enrollment.Status.DROPPED
    assert "Rejoin the course" in response.content.decode()

    client.post(enroll_url(course))
    enrolled.refresh_from_db()
    assert enrolled.status == Enrollment.Status.ACTIVE
    assert enrolled.progress_percentage == 16  # 1 of 6 lessons, kept while away


def test_leaving_a_course_you_are_not_in_is_a_clear_404(client, course, learner, other_learner):
    client.force_login(other_learner)
    response = client.post(reverse("leave_course", args=[course.pk]))
    assert response.status_code == 404
    assert "You are not enrolled in this course." in response.content.decode()


def test_one_learner_leaving_does_not_touch_anothers_enrollment(
    client, course, learner, other_learner, enrolled
):
    client.force_login(other_learner)
    client.post(reverse("leave_course", args=[course.pk]))
    enrolled.refresh_from_db()
    assert enrolled.status == Enrollment.Status.ACTIVE
