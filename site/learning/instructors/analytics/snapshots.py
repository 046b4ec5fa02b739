"""The nightly analytics snapshots: one row per course, instructor, learner and the
platform for a day, recomputed from the source records every time.

Why snapshots at all: the admin home and the roster show figures over thousands of
learners (ACS readiness, retention, averages) that would cost a page many queries to
compute live, and instructors want history ("how many were enrolled a week ago").
Each run recomputes the whole day from the records, never incrementing a stored value,
and writes with an upsert on (subject, day): running a day twice, or after a crash
halfway, leaves the same rows as a single run, and a past day can be recomputed
(backfilled) from the records as they stood, as far as they are dated (see each
*_figures module for what is and is not dated).

The cost is a fixed number of grouped queries plus one upsert per table and 500 rows,
whatever the number of learners, lessons or courses; only the instructor snapshot asks
the roster's risk rule once per instructor.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from learning.courses.models import CoursePage
from learning.courses.outline import course_outlines

from ..models import CourseSnapshot, InstructorSnapshot, LearnerSnapshot, PlatformSnapshot
from .course_figures import course_rows, lesson_courses
from .learner_figures import learner_rows
from .team_figures import instructor_rows, platform_row

BATCH_SIZE = 500


def yesterday():
    """The last whole day, in UTC: what the nightly run snapshots."""
    return timezone.now().astimezone(datetime.UTC).date() - datetime.timedelta(days=1)


def day_bounds(day):
    """[start, end) of `day` in UTC."""
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)
    return start, start + datetime.timedelta(days=1)


def upsert(model, subject_field, day, rows, computed_at):
    """Make `rows` ({subject id: fields}) the day's rows: one insert-or-update per
    batch, keyed by the (subject, day) unique constraint, and the day's rows of
    subjects that no longer qualify (an instructor taken off a team) deleted."""
    model.objects.filter(day=day).exclude(**{f"{subject_field}_id__in": list(rows)}).delete()
    if not rows:
        return 0
    fields = sorted(next(iter(rows.values())))
    objects = [
        model(day=day, computed_at=computed_at, **{f"{subject_field}_id": pk}, **values)
        for pk, values in sorted(rows.items())
    ]
    model.objects.bulk_create(
        objects,
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=[subject_field, "day"],
        update_fields=[*fields, "computed_at"],
    )
    return len(objects)


def upsert_platform(day, values, computed_at):
    """The day's one platform row, by the same insert-or-update (one query)."""
    PlatformSnapshot.objects.bulk_create(
        [PlatformSnapshot(day=day, computed_at=computed_at, **values)],
        update_conflicts=True,
        unique_fields=["day"],
        update_fields=[*sorted(values), "computed_at"],
    )


def take_snapshots(day=None):
    """Compute and store every snapshot of `day` (default: yesterday, UTC). Returns
    {"day", "courses", "instructors", "learners"}: how many rows were written."""
    day = day or yesterday()
    if day > timezone.now().astimezone(datetime.UTC).date():
        raise ValueError(f"{day} has not happened yet.")
    start, end = day_bounds(day)
    computed_at = timezone.now()
    courses = list(CoursePage.objects.only("pk", "path", "depth", "title").order_by("path"))
    outlines = course_outlines(courses)
    courses_by_lesson = lesson_courses(courses)
    per_course = course_rows(day, start, end, courses, outlines, courses_by_lesson)
    per_instructor = instructor_rows(end, per_course)
    per_learner = learner_rows(day, end)
    platform = platform_row(day, start, end)
    with transaction.atomic():
        written = {
            "day": day,
            "courses": upsert(CourseSnapshot, "course", day, per_course, computed_at),
            "instructors": upsert(
                InstructorSnapshot, "instructor", day, per_instructor, computed_at
            ),
            "learners": upsert(LearnerSnapshot, "learner", day, per_learner, computed_at),
        }
        upsert_platform(day, platform, computed_at)
    return written


def take_range(last_day, days):
    """Snapshots of `days` days ending with `last_day`, oldest first (a backfill)."""
    return [take_snapshots(last_day - datetime.timedelta(days=n)) for n in reversed(range(days))]
