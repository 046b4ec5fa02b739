"""The issue's scale check: the roster, its CSV, the course analytics page and the
nightly snapshots' reads cost the same number of queries for 10 learners as for 2,000.

The 2,000 learners are written with bulk_create (the services would take minutes): real
users and enrollments that share their progress with the course's instructors, half of
them with a lesson done and a quiz attempt, which is what the pages read.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.models import User
from learning.assessments.factories import make_assessment, single
from learning.assessments.models import Attempt
from learning.enrollments.factories import live_lessons
from learning.enrollments.models import Enrollment, LessonProgress
from learning.instructors.analytics.snapshots import take_snapshots

pytestmark = pytest.mark.django_db


def add_learners(course, quiz, lesson, start, count):
    now = timezone.now()
    users = User.objects.bulk_create(
        User(email=f"bulk{start + n}@example.test", first_name=f"Bulk{start + n}")
        for n in range(count)
    )
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(
            user=user, course=course, share_progress=True, progress_percentage=n % 100,
            last_accessed=now,
        )
        for n, user in enumerate(users)
    )  # fmt: skip
    half = enrollments[::2]
    LessonProgress.objects.bulk_create(
        LessonProgress(enrollment=e, lesson=lesson, completed=True, completed_date=now)
        for e in half
    )
    Attempt.objects.bulk_create(
        Attempt(
            user=e.user, assessment=quiz, attempt_number=1, submitted_at=now,
            max_score=1, score=1, percentage=100, passed=True,
        )
        for e in half
    )  # fmt: skip


def cost(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def snapshot_cost():
    """The snapshot run's reads. Its writes are bulk inserts, which the database backend
    splits into batches (SQLite takes under a hundred learner rows per statement), so
    they alone grow with the learners, by one statement per batch."""
    with CaptureQueriesContext(connection) as queries:
        take_snapshots(timezone.localdate())
    writes = ("INSERT", "SAVEPOINT", "RELEASE SAVEPOINT")
    return sum(not query["sql"].startswith(writes) for query in queries)


def test_roster_analytics_and_snapshots_cost_the_same_for_10_or_2000_learners(client, team):
    lesson = live_lessons(team.course)[0]
    quiz = make_assessment(lesson, [single("Which airspace needs a clearance?", "B", "E")])
    add_learners(team.course, quiz, lesson, 0, 9)  # with the fixture's learner: 10
    client.force_login(team.lead)
    urls = [
        reverse("instructors_roster", args=[team.course.pk]),
        reverse("instructors_roster", args=[team.course.pk]) + "?sort=-quiz&risk=any",
        reverse("instructors_roster_csv", args=[team.course.pk]),
        reverse("instructors_course_analytics", args=[team.course.pk]),
    ]
    for url in urls:
        client.get(url)  # warm the admin's per-process caches
    at_ten = [cost(client, url) for url in urls] + [snapshot_cost()]
    add_learners(team.course, quiz, lesson, 100, 1990)
    at_2000 = [cost(client, url) for url in urls] + [snapshot_cost()]
    assert at_2000 == at_ten
    csv = client.get(urls[2]).content.decode()
    assert csv.count("\n") == 2000 + 1  # every learner, one header
