"""Study streaks count consecutive days in the learner's own timezone."""

import datetime

from django.utils import timezone

import pytest

from learning.enrollments import services
from learning.enrollments.models import StudyDay
from learning.enrollments.streaks import streak_from_dates, study_streak

D = datetime.date


@pytest.mark.parametrize(
    ("dates", "streak"),
    [
        ([], 0),
        ([D(2026, 12, 1)], 1),
        ([D(2026, 12, 1), D(2026, 11, 30), D(2026, 11, 29)], 3),
        ([D(2026, 11, 30), D(2026, 11, 29)], 2),  # not broken until a whole day is missed
        ([D(2026, 11, 29), D(2026, 11, 28)], 0),
        ([D(2026, 12, 1), D(2026, 11, 29)], 1),
        ([D(2026, 12, 2), D(2026, 12, 1)], 1),  # a day recorded ahead of today is ignored
    ],
)
def test_streak_from_dates(dates, streak):
    assert streak_from_dates(dates, today=D(2026, 12, 1)) == streak


def utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.UTC)


def test_study_days_are_the_learners_own_dates(learner):
    learner.preferences.timezone = "America/Los_Angeles"
    learner.preferences.save()
    # 05:00 UTC on Dec 1 is still the evening of Nov 30 in California.
    services.mark_study_day(learner, utc(2026, 12, 1, 5))
    services.mark_study_day(learner, utc(2026, 12, 1, 6))  # the same local day, once
    services.mark_study_day(learner, utc(2026, 11, 30, 5))
    assert list(StudyDay.objects.values_list("date", flat=True)) == [
        D(2026, 11, 30),
        D(2026, 11, 29),
    ]
    assert study_streak(learner, at=utc(2026, 12, 1, 7)) == 2  # still Nov 30 there
    assert study_streak(learner, at=utc(2026, 12, 1, 20)) == 2  # Dec 1 there: yesterday counts
    assert study_streak(learner, at=utc(2026, 12, 3, 9)) == 0


def test_completing_a_lesson_counts_as_studying_today(course, learner, enrolled):
    services.complete_lesson(learner, course.lessons[0])
    assert study_streak(learner) == 1
    assert StudyDay.objects.get().date == timezone.localdate()


def test_enrolling_alone_is_not_studying(course, learner):
    services.enroll(learner, course)
    assert study_streak(learner) == 0
