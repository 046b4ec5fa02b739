"""Study streaks: consecutive days, in the learner's timezone, on which they studied."""

import datetime
import zoneinfo

from django.utils import timezone

# A streak longer than this is shown as "365+" rather than read from the database.
MAX_STREAK_DAYS = 366


def user_zone(user):
    preferences = getattr(user, "preferences", None)
    try:
        return zoneinfo.ZoneInfo(preferences.timezone) if preferences else datetime.UTC
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return datetime.UTC


def local_date(user, at=None):
    """The calendar date it is (or was, at `at`) where the learner lives."""
    return (at or timezone.now()).astimezone(user_zone(user)).date()


def streak_from_dates(dates, today):
    """Length of the run of consecutive days ending today, or yesterday (a streak is
    not broken until a whole day passes without study). `dates` is newest first."""
    expected = today
    streak = 0
    for day in dates:
        if day > today:  # recorded in a timezone ahead of the learner's current one
            continue
        if streak == 0 and day == today - datetime.timedelta(days=1):
            expected = day
        if day != expected:
            break
        streak += 1
        expected = day - datetime.timedelta(days=1)
    return streak


def recent_study_days(user):
    """The learner's study days that can still count towards a streak, newest first
    (one query)."""
    from .models import StudyDay

    dates = StudyDay.objects.filter(user=user).values_list("date", flat=True)
    return list(dates[:MAX_STREAK_DAYS])


def study_streak(user, at=None):
    """The learner's current streak in days (one query)."""
    return streak_from_dates(recent_study_days(user), local_date(user, at))
