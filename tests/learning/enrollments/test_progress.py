"""Lesson progress: mark complete once, follow the tier rule, heartbeat time and video
position, and course completion that issues the certificate."""

from django.urls import reverse

import pytest

from learning.enrollments import services
from learning.enrollments.models import (
    ActivityType,
    Certificate,
    Enrollment,
    LessonProgress,
    UserActivity,
)

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


def complete_url(lesson):
    return reverse("complete_lesson", args=[lesson.pk])


def heartbeat_url(lesson):
    return reverse("lesson_heartbeat", args=[lesson.pk])


def test_mark_complete_moves_the_progress_bar(client, course, learner, enrolled):
    client.force_login(learner)
    lesson = course.lessons[0]
    response = client.post(complete_url(lesson), follow=True)
    html = response.content.decode()
    assert "“Class B” is complete." in html
    assert "You completed this lesson" in html
    assert "16% complete · 1 of 6 lessons" in html
    enrolled.refresh_from_db()
    assert enrolled.progress_percentage == 16

    course_page = client.get(course.url).content.decode()
    assert "Continue: Class C" in course_page
    assert "1 of 3 done" in course_page  # the Airspace module
    assert "(completed)" in course_page


def test_completing_the_same_lesson_twice_counts_once(client, course, learner, enrolled):
    client.force_login(learner)
    lesson = course.lessons[0]
    client.post(complete_url(lesson))
    response = client.post(complete_url(lesson), **FETCH)
    assert response.status_code == 200
    assert "You completed this lesson" in response.json()["html"]
    assert LessonProgress.objects.filter(enrollment=enrolled, completed=True).count() == 1
    completions = UserActivity.objects.filter(type=ActivityType.LESSON_COMPLETED)
    assert completions.count() == 1


def test_undo_completion(client, course, learner, enrolled):
    client.force_login(learner)
    lesson = course.lessons[0]
    client.post(complete_url(lesson))
    client.post(reverse("incomplete_lesson", args=[lesson.pk]))
    enrolled.refresh_from_db()
    assert enrolled.progress_percentage == 0
    assert not LessonProgress.objects.get(enrollment=enrolled, lesson=lesson).completed


def test_a_registered_learner_cannot_complete_a_premium_lesson(client, course, learner, enrolled):
    client.force_login(learner)
    premium = course.lessons[4]
    response = client.post(complete_url(premium), **FETCH)
    assert response.status_code == 403
    assert "higher membership tier" in response.json()["error"]
    assert not LessonProgress.objects.filter(lesson=premium).exists()


def test_completing_without_enrolling_is_refused(client, course, learner):
    client.force_login(learner)
    response = client.post(complete_url(course.lessons[0]))
    assert response.status_code == 403
    assert "Enroll in the course" in response.content.decode()


def test_unknown_lessons_give_404(client, learner, enrolled):
    client.force_login(learner)
    page = client.post(reverse("complete_lesson", args=[987_654]))
    assert page.status_code == 404
    assert "That lesson does not exist." in page.content.decode()
    beat = client.post(reverse("lesson_heartbeat", args=[987_654]), {"seconds": 5})
    assert beat.status_code == 404
    assert beat.json() == {"error": "That lesson does not exist."}


def test_one_learners_completion_never_counts_for_another(
    client, course, learner, other_learner, enrolled
):
    other = services.enroll(other_learner, course)[0]
    client.force_login(other_learner)
    client.post(complete_url(course.lessons[0]))
    enrolled.refresh_from_db()
    other.refresh_from_db()
    assert (enrolled.progress_percentage, other.progress_percentage) == (0, 16)


def test_finishing_every_lesson_completes_the_course_and_issues_one_certificate(
    course, premium_learner
):
    services.enroll(premium_learner, course)
    for lesson in course.lessons:
        services.complete_lesson(premium_learner, lesson)
    services.complete_lesson(premium_learner, course.lessons[-1])  # a repeat changes nothing
    enrollment = Enrollment.objects.get(user=premium_learner)
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.progress_percentage == 100
    assert enrollment.completion_date is not None
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.holder_name == "Pat Premium"
    assert certificate.course_title == "Private Pilot Prep"
    assert UserActivity.objects.filter(type=ActivityType.COURSE_COMPLETED).count() == 1


def test_a_course_without_certificates_completes_without_one(course, premium_learner):
    course.has_certificate = False
    course.save()
    services.enroll(premium_learner, course)
    for lesson in course.lessons:
        services.complete_lesson(premium_learner, lesson)
    assert Enrollment.objects.get(user=premium_learner).status == Enrollment.Status.COMPLETED
    assert not Certificate.objects.exists()


def test_heartbeat_adds_time_but_never_more_than_really_passed(client, course, learner, enrolled):
    client.force_login(learner)
    lesson = course.lessons[0]
    client.get(lesson.url)  # opening the lesson starts the clock
    response = client.post(heartbeat_url(lesson), {"seconds": "3600"})
    assert response.status_code == 200
    progress = LessonProgress.objects.get(enrollment=enrolled, lesson=lesson)
    assert progress.time_spent <= 10  # a claimed hour, seconds after opening the page
    enrolled.refresh_from_db()
    assert enrolled.total_time_spent == progress.time_spent


def test_a_video_watched_to_90_percent_completes_and_remembers_the_position(
    client, course, learner, enrolled
):
    client.force_login(learner)
    video = course.lessons[1]
    response = client.post(heartbeat_url(video), {"seconds": 10, "position": 500, "duration": 600})
    assert response.json()["completed"] is False
    assert response.json()["percentage"] == 83
    page = client.get(video.url).content.decode()
    assert 'data-resume-at="500"' in page
    assert "you have watched 83%" in page

    response = client.post(heartbeat_url(video), {"seconds": 10, "position": 545, "duration": 600})
    assert response.json()["completed"] is True
    assert "You completed this lesson" in response.json()["html"]


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"seconds": "abc"},
        {"seconds": "-5"},
        {"seconds": "nan"},
        {"seconds": "inf"},
        {"seconds": "5", "position": "1e12"},
        {"seconds": "5", "duration": "lots"},
    ],
)
def test_bad_heartbeats_are_refused_with_a_message(client, course, learner, enrolled, data):
    client.force_login(learner)
    response = client.post(heartbeat_url(course.lessons[1]), data)
    assert response.status_code == 400
    assert response.json()["error"]
    assert not LessonProgress.objects.filter(time_spent__gt=0).exists()


def test_heartbeats_from_guests_and_strangers_are_refused(client, course, learner, other_learner):
    assert client.post(heartbeat_url(course.lessons[0]), {"seconds": 5}).status_code == 403
    client.force_login(other_learner)  # not enrolled
    response = client.post(heartbeat_url(course.lessons[0]), {"seconds": 5})
    assert response.status_code == 403


def test_lessons_behind_a_view_restriction_are_not_found(client, course, learner, enrolled):
    from wagtail.models import PageViewRestriction

    lesson = course.lessons[2]
    PageViewRestriction.objects.create(
        page=lesson.get_parent(), restriction_type="password", password="secret"
    )
    client.force_login(learner)
    for url, data in ((complete_url(lesson), {}), (heartbeat_url(lesson), {"seconds": 5})):
        response = client.post(url, data, **FETCH)
        assert response.status_code == 404
        assert lesson.title not in response.content.decode()
    assert not LessonProgress.objects.filter(lesson=lesson).exists()


def test_rapid_heartbeats_add_no_more_than_the_time_that_passed(client, course, learner, enrolled):
    client.force_login(learner)
    lesson = course.lessons[0]
    client.get(lesson.url)
    for _ in range(30):
        client.post(heartbeat_url(lesson), {"seconds": "120"})
    progress = LessonProgress.objects.get(enrollment=enrolled, lesson=lesson)
    assert progress.time_spent <= 3  # thirty claims of two minutes, a second or so apart


def test_marking_a_watched_video_not_complete_sticks(client, course, learner, enrolled):
    client.force_login(learner)
    video = course.lessons[1]
    client.post(heartbeat_url(video), {"seconds": 1, "position": 580, "duration": 600})
    client.post(reverse("incomplete_lesson", args=[video.pk]))
    response = client.post(heartbeat_url(video), {"seconds": 1, "position": 20, "duration": 600})
    assert response.json()["completed"] is False
    assert 'data-resume-at="20"' in client.get(video.url).content.decode()


def test_undo_and_redo_of_the_last_lesson_logs_one_course_completion(course, premium_learner):
    services.enroll(premium_learner, course)
    for lesson in course.lessons:
        services.complete_lesson(premium_learner, lesson)
    services.mark_lesson_incomplete(premium_learner, course.lessons[0])
    services.complete_lesson(premium_learner, course.lessons[0])
    assert UserActivity.objects.filter(type=ActivityType.COURSE_COMPLETED).count() == 1
    assert Certificate.objects.count() == 1


def test_deleting_a_learners_account_takes_their_enrollments_and_certificate(
    course, premium_learner
):
    services.enroll(premium_learner, course)
    for lesson in course.lessons:
        services.complete_lesson(premium_learner, lesson)
    premium_learner.delete()
    assert not Enrollment.objects.exists()
    assert not Certificate.objects.exists()
