"""The learner's own parts of the lesson and course pages (enrollment, completed lessons,
this lesson's progress, bookmark, notes, quiz and attempts, staff standing) cost a fixed
number of queries, the same with one note, attempt and completion as with fifty."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from learning.assessments.factories import make_assessment, single
from learning.assessments.models import Attempt
from learning.enrollments import services
from learning.enrollments.factories import enroll
from learning.enrollments.notes.services import add_bookmark, create_note

# Tables only the viewer's own state reads (the page tree, outline and branding are not
# the learner's and have budgets of their own).
LEARNER_TABLES = ('"enrollments_', '"assessments_', '"auth_permission"', '"accounts_user_groups"')

# The quiz lesson: the enrollment with the page's bookmark, the completed lessons with
# this lesson's progress, the quiz with its question count, the attempts, the notes.
QUIZ_LESSON = 5
# A lesson without a quiz: the cache knows it has none.
PLAIN_LESSON = 3
# The course page: the enrollment with the page's bookmark, the completed lessons.
COURSE_PAGE = 2


def page_queries(client, url):
    client.get(url)  # warm: routing, the visit's own writes, the lesson-quiz cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    sql = [query["sql"] for query in queries.captured_queries]
    return len(sql), [s for s in sql if any(table in s for table in LEARNER_TABLES)]


def add_history(learner, course, quiz, lesson, count):
    """`count` notes on the quiz lesson and attempts at its quiz, and completions."""
    now = timezone.now()
    for n in range(count):
        create_note(learner, lesson, f"Note {n}")
        Attempt.objects.create(
            user=learner,
            assessment=quiz,
            attempt_number=Attempt.objects.filter(user=learner).count() + 1,
            submitted_at=now,
            percentage=50,
            passed=False,
        )
    for done in course.lessons[:count][:5]:
        if done.pk != lesson.pk:
            services.complete_lesson(learner, done)


@pytest.fixture
def quiz(course):
    lesson = course.lessons[5]
    return make_assessment(lesson, [single("Class B needs?", "A clearance", "Nothing")])


def test_learner_parts_cost_the_same_for_little_and_much_history(
    client, course, premium_learner, quiz
):
    lesson, plain = course.lessons[5], course.lessons[2]
    quiz.max_attempts = 0
    quiz.save()
    enroll(premium_learner, course)
    add_bookmark(premium_learner, lesson)
    add_bookmark(premium_learner, course)
    add_history(premium_learner, course, quiz, lesson, 1)
    client.force_login(premium_learner)

    def measure():
        return {
            "quiz lesson": page_queries(client, lesson.url),
            "plain lesson": page_queries(client, plain.url),
            "course": page_queries(client, course.url),
        }

    few = measure()
    add_history(premium_learner, course, quiz, lesson, 50)
    many = measure()
    html = client.get(lesson.url).content.decode()
    assert "51 used, unlimited" in html
    assert "Note 49" in html
    assert 'aria-pressed="true"' in html

    for page, (total, learner_sql) in few.items():
        assert many[page][0] == total, page
        assert len(many[page][1]) == len(learner_sql), page
    assert len(few["quiz lesson"][1]) == QUIZ_LESSON
    assert len(few["plain lesson"][1]) == PLAIN_LESSON
    assert len(few["course"][1]) == COURSE_PAGE
    everything = [sql for _, learner_sql in few.values() for sql in learner_sql]
    assert not any('"auth_permission"' in sql for sql in everything)  # staff standing: cached


def test_a_learner_who_is_not_enrolled_costs_the_same(client, course, learner, quiz):
    client.force_login(learner)
    add_bookmark(learner, course.lessons[5])
    # No enrollment: the bookmark is read on its own instead of with the enrollment, in
    # place of the completed lessons.
    assert len(page_queries(client, course.lessons[5].url)[1]) == QUIZ_LESSON
    assert len(page_queries(client, course.url)[1]) == COURSE_PAGE
