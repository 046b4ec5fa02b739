"""Races on PostgreSQL: parallel enroll requests, repeated completions and course
completion create one row each (DESIGN 3: services lock and constraints decide)."""

from concurrent.futures import ThreadPoolExecutor

from django.db import connection
from django.test import Client
from django.urls import reverse

import pytest

from learning.enrollments import services
from learning.enrollments.models import ActivityType, Certificate, Enrollment, UserActivity

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks and real parallel writers need PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_site"),
]


def in_parallel(count, work):
    def run(_):
        try:
            return work()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_twenty_parallel_enroll_requests_create_one_enrollment(course, learner):
    url = reverse("enroll", args=[course.pk])

    def post():
        client = Client()
        client.force_login(learner)
        return client.post(url).status_code

    statuses = in_parallel(20, post)
    assert set(statuses) == {302}
    assert Enrollment.objects.filter(user=learner, course=course).count() == 1
    assert UserActivity.objects.filter(type=ActivityType.ENROLLED).count() == 1


def test_completing_the_same_lesson_in_parallel_counts_once(course, learner, enrolled):
    lesson = course.lessons[0]
    in_parallel(10, lambda: services.complete_lesson(learner, lesson))
    enrolled.refresh_from_db()
    assert enrolled.progress_percentage == 16
    assert UserActivity.objects.filter(type=ActivityType.LESSON_COMPLETED).count() == 1


def test_the_last_lessons_completed_in_parallel_issue_one_certificate(course, premium_learner):
    services.enroll(premium_learner, course)
    for lesson in course.lessons[:-2]:
        services.complete_lesson(premium_learner, lesson)
    last_two = course.lessons[-2:]
    in_parallel(8, lambda: [services.complete_lesson(premium_learner, x) for x in last_two])
    assert Certificate.objects.count() == 1
    assert UserActivity.objects.filter(type=ActivityType.COURSE_COMPLETED).count() == 1
