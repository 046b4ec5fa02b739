"""An enrolled learner's course and lesson pages cost the same queries whether they have
completed two lessons or forty (check marks and progress come from one query)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.courses.factories import build_course, make_catalog
from learning.courses.outline import course_outline
from learning.enrollments import services


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_progress_costs_the_same_for_few_and_many_completed_lessons(client, learner):
    catalog = make_catalog()
    small = build_course(catalog, modules=2, lessons_per_module=2, title="Small")
    large = build_course(catalog, modules=8, lessons_per_module=6, title="Large")
    counts = {}
    client.force_login(learner)
    for course in (small, large):
        services.enroll(learner, course)
        lessons = course_outline(course).lessons
        for lesson in lessons[:-1]:
            services.complete_lesson(learner, lesson)
        counts[course.title] = (
            queries_for(client, course.url),
            queries_for(client, lessons[-1].url),
        )
    assert counts["Small"] == counts["Large"]
