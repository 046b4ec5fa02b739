"""Races on PostgreSQL: parallel enroll requests, repeated completions and course
completion create one row each (services lock and constraints decide; docs/architecture.md)."""

from django.test import Client
from django.urls import reverse

from learning.enrollments import services
from learning.enrollments.models import ActivityType, Certificate, Enrollment, UserActivity
from tests.races import POSTGRES_RACES, in_parallel

pytestmark = POSTGRES_RACES


def test_twenty_parallel_enroll_requests_create_one_enrollment(course, learner):
    url = reverse("enroll", args=[course.pk])

    def post(_):
        client = Client()
        client.force_login(learner)
        return client.post(url).status_code

    statuses = in_parallel(20, post)
    assert set(statuses) == {302}
    assert Enrollment.objects.filter(user=learner, course=course).count() == 1
    assert UserActivity.objects.filter(type=ActivityType.ENROLLED).count() == 1


def test_completing_the_same_lesson_in_parallel_counts_once(course, learner, enrolled):
    lesson = course.lessons[0]
    in_parallel(10, lambda _: services.complete_lesson(learner, lesson))
    enrolled.refresh_from_db()
    assert enrolled.progress_percentage == 16
    assert UserActivity.objects.filter(type=ActivityType.LESSON_COMPLETED).count() == 1


def test_the_last_lessons_completed_in_parallel_issue_one_certificate(course, premium_learner):
    services.enroll(premium_learner, course)
    for lesson in course.lessons[:-2]:
        services.complete_lesson(premium_learner, lesson)
    last_two = course.lessons[-2:]
    in_parallel(8, lambda _: [services.complete_lesson(premium_learner, x) for x in last_two])
    assert Certificate.objects.count() == 1
    assert UserActivity.objects.filter(type=ActivityType.COURSE_COMPLETED).count() == 1
