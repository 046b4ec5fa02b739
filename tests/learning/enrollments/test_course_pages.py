"""What learners see of their progress on course and lesson pages, and that guests and
learners who may not read a lesson get no progress tools there."""

from learning.enrollments import services
from learning.enrollments.models import LessonProgress


def test_guests_are_invited_to_sign_up_on_the_course_page(client, course):
    html = client.get(course.url).content.decode()
    assert "Sign up free to enroll" in html
    assert "Leave this course" not in html


def test_outline_marks_completed_lessons(client, course, learner, enrolled):
    services.complete_lesson(learner, course.lessons[0])
    client.force_login(learner)
    html = client.get(course.lessons[1].url).content.decode()
    assert html.count("outline__lesson--done") == 1
    assert "16% complete" in html


def test_opening_a_lesson_records_where_the_learner_is(client, course, learner, enrolled):
    client.force_login(learner)
    lesson = course.lessons[2]
    html = client.get(lesson.url).content.decode()
    assert "Mark complete" in html
    enrolled.refresh_from_db()
    assert enrolled.last_lesson_id == lesson.pk
    assert enrolled.last_accessed is not None
    assert LessonProgress.objects.filter(enrollment=enrolled, lesson=lesson).exists()


def test_a_locked_lesson_records_nothing_and_offers_no_completion(
    client, course, learner, enrolled
):
    client.force_login(learner)
    html = client.get(course.lessons[4].url).content.decode()  # premium
    assert "Mark complete" not in html
    assert "data-heartbeat-url" not in html
    assert not LessonProgress.objects.filter(lesson=course.lessons[4]).exists()


def test_a_learner_who_is_not_enrolled_is_invited_to_enroll(client, course, learner):
    client.force_login(learner)
    html = client.get(course.lessons[0].url).content.decode()
    assert "to track your progress" in html
    assert "Mark complete" not in html
