"""The learner's study days: the one place elapsed time between reviews is counted.

As in Anki, a study day starts at the learner's rollover hour ("new day starts at",
4 am by default) in their own time zone, so 02:00 on Tuesday still belongs to Monday.
Elapsed days are the difference of two study-day numbers, never of two clock times: a
card reviewed at 20:00 and again at 08:00 the next morning is one day later, exactly as
if both reviews had been at noon. The scheduler, the queue, the retrievability shown on
cards and statistics, the reminders and the optimizer all read days through this clock.

Wall-clock times are resolved by zoneinfo, so a study day across a daylight saving
change is 23 or 25 hours long and still counts as one day.
"""

import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from .models import StudySettings

DEFAULT_ROLLOVER = StudySettings._meta.get_field("rollover_hour").default


@dataclass(frozen=True)
class StudyClock:
    """Where a learner's study days begin: their time zone and rollover hour."""

    tz: zoneinfo.ZoneInfo
    rollover_hour: int = DEFAULT_ROLLOVER

    def day_of(self, moment):
        """The study day (a date) that the aware datetime `moment` falls in."""
        local = moment.astimezone(self.tz).replace(tzinfo=None)
        return (local - timedelta(hours=self.rollover_hour)).date()

    def start_of(self, day):
        """The UTC instant the study day `day` begins."""
        return datetime.combine(day, time(self.rollover_hour), tzinfo=self.tz).astimezone(UTC)

    def bounds(self, day):
        """(start, end) in UTC of the study day `day`."""
        return self.start_of(day), self.start_of(day + timedelta(days=1))

    def elapsed_days(self, earlier, later):
        """Whole study days from `earlier` to `later` (0 within one study day; never
        negative). Anki's elapsed_days: the difference of the two day numbers."""
        if earlier is None:
            return 0
        return max(0, (self.day_of(later) - self.day_of(earlier)).days)


def zone_of(user):
    """The learner's ZoneInfo from their preferences (UTC without preferences or with a
    name zoneinfo does not know)."""
    preferences = getattr(user, "preferences", None)
    name = getattr(preferences, "timezone", None) or "UTC"
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def clock_for(user, study_settings=None):
    """The learner's clock; reads their StudySettings unless given (one query)."""
    if study_settings is None:
        study_settings = StudySettings.objects.filter(user=user).first()
    rollover = study_settings.rollover_hour if study_settings else DEFAULT_ROLLOVER
    return StudyClock(zone_of(user), rollover)


def clock_of_settings(study_settings):
    """The clock of the learner whose settings these are (their user is usually cached)."""
    return StudyClock(zone_of(study_settings.user), study_settings.rollover_hour)
