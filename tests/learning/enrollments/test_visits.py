"""Opening a lesson records the visit ("Continue", video resume, last accessed) with as
few writes as it needs: none when the same lesson was recorded less than a minute ago."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learning.enrollments import services
from learning.enrollments.models import Enrollment, LessonProgress, StudyDay


def writes_of(client, url):
    """The statements a page view writes to enrollment tables (a site's first request
    also creates its settings rows, which are not the visit's)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    verbs = ("INSERT", "UPDATE", "DELETE")
    sql = [query["sql"] for query in queries.captured_queries]
    return [s for s in sql if s.startswith(verbs) and '"enrollments_' in s.split("(")[0]]


def an_hour_ago(enrollment, lesson):
    """Move the recorded visit back in time, as if the learner had been away."""
    past = timezone.now() - datetime.timedelta(hours=1)
    Enrollment.objects.filter(pk=enrollment.pk).update(last_accessed=past)
    LessonProgress.objects.filter(enrollment=enrollment, lesson=lesson).update(last_accessed=past)
    return past


def test_first_view_creates_progress_and_moves_continue(client, course, learner, enrolled):
    client.force_login(learner)
    lesson = course.lessons[1]
    assert len(writes_of(client, lesson.url)) == 2  # the enrollment, the new progress row
    enrolled.refresh_from_db()
    assert enrolled.last_lesson_id == lesson.pk
    progress = LessonProgress.objects.get(enrollment=enrolled, lesson=lesson)
    assert progress.last_accessed == enrolled.last_accessed
    assert "data-heartbeat-url" in client.get(lesson.url).content.decode()


def test_a_reload_within_a_minute_writes_nothing(client, course, learner, enrolled):
    client.force_login(learner)
    lesson = course.lessons[1]
    client.get(lesson.url)
    enrolled.refresh_from_db()
    recorded = enrolled.last_accessed
    assert writes_of(client, lesson.url) == []
    enrolled.refresh_from_db()
    assert enrolled.last_accessed == recorded
    html = client.get(lesson.url).content.decode()
    assert "Mark complete" in html
    assert "data-resume-at" in html


def test_a_later_view_updates_both_times_in_two_statements(client, course, learner, enrolled):
    client.force_login(learner)
    lesson = course.lessons[1]
    client.get(lesson.url)
    past = an_hour_ago(enrolled, lesson)
    assert len(writes_of(client, lesson.url)) == 2
    enrolled.refresh_from_db()
    assert enrolled.last_accessed > past
    progress = LessonProgress.objects.get(enrollment=enrolled, lesson=lesson)
    assert progress.last_accessed == enrolled.last_accessed
    assert LessonProgress.objects.filter(enrollment=enrolled).count() == 1


def test_another_lesson_moves_continue_even_within_the_minute(client, course, learner, enrolled):
    client.force_login(learner)
    first, second = course.lessons[1], course.lessons[2]
    client.get(first.url)
    client.get(second.url)
    enrolled.refresh_from_db()
    assert enrolled.last_lesson_id == second.pk
    assert writes_of(client, first.url)  # back to the first lesson: Continue follows
    enrolled.refresh_from_db()
    assert enrolled.last_lesson_id == first.pk


def test_study_time_and_the_streak_day_still_follow_heartbeats(client, course, learner, enrolled):
    client.force_login(learner)
    video = course.lessons[1]
    client.get(video.url)
    an_hour_ago(enrolled, video)
    response = client.post(reverse("lesson_heartbeat", args=[video.pk]), {"seconds": 30})
    assert response.status_code == 200
    assert LessonProgress.objects.get(enrollment=enrolled, lesson=video).time_spent == 30
    assert StudyDay.objects.filter(user=learner).count() == 1


def test_viewing_alone_does_not_count_as_a_study_day(client, course, learner, enrolled):
    client.force_login(learner)
    client.get(course.lessons[1].url)
    assert not StudyDay.objects.filter(user=learner).exists()


def test_a_learner_who_left_the_course_records_nothing(client, course, learner, enrolled):
    services.leave(learner, course)
    client.force_login(learner)
    assert writes_of(client, course.lessons[1].url) == []
    assert not LessonProgress.objects.filter(enrollment=enrolled).exists()


def test_parallel_first_visits_make_one_progress_row(course, learner, enrolled):
    lesson = course.lessons[1]
    first = services.record_visit(enrolled, lesson, progress=None)
    enrolled.refresh_from_db()
    # A second request that read "no row yet" before the first one wrote it.
    second = services.record_visit(enrolled, lesson, progress=None)
    assert first.pk == second.pk
    assert LessonProgress.objects.filter(enrollment=enrolled, lesson=lesson).count() == 1
