"""The dates of a flight instructor's recent-experience period, from 14 CFR 61.197.

Since the final rule of 1 October 2024 (89 FR 80020, effective 1 December 2024) a flight
instructor certificate carries no expiration date, but 61.197(a) lets the holder use its
privileges "only if, within the preceding 24 calendar months" they met one of the
recent-experience requirements. The period is counted in calendar months, so it always
ends on the last day of a month: that day is what a profile stores as "CFI privileges
valid through" (InstructorProfile.cfi_expiration).

How far ahead the date may be: the period starts from the month the requirement was met
(61.197(a)(2)), so an instructor who renewed this month is good through the end of the
24th month from now. 61.197(a)(3) also lets them renew in the 3 calendar months before
the last month of the current period and keep counting from that last month, so the
furthest legitimate date is the end of the month 27 months from now; anything later is
a typo. Past dates are allowed: a lapsed instructor still has a profile, and is warned.
"""

import calendar
from datetime import date

PERIOD_MONTHS = 24
EARLY_RENEWAL_MONTHS = 3
# Warnings before the date (days), and the notice the day after it (see tasks.py).
WARN_DAYS = (60, 30, 7)
WARN_WITHIN = WARN_DAYS[0]


def month_end(year, month):
    """The last day of `month` of `year`; months past 12 roll into later years."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def is_month_end(day):
    return day == month_end(day.year, day.month)


def latest_valid_through(today):
    """The latest "valid through" date 61.197 allows a profile to carry on `today`."""
    return month_end(today.year, today.month + PERIOD_MONTHS + EARLY_RENEWAL_MONTHS)


def days_left(valid_through, today):
    """Days from `today` to the last valid day: 0 on that day, negative once lapsed."""
    return (valid_through - today).days


def needs_warning(valid_through, today):
    """Whether the admin home shows the banner: within WARN_WITHIN days, or lapsed."""
    return valid_through is not None and days_left(valid_through, today) <= WARN_WITHIN


def reminder_stage(valid_through, today):
    """Which reminder is due on `today` ("60", "30", "7" or "lapsed"), or None.

    A stage is due from its day until the next one starts, so a day the task did not run
    is caught up the next day; only the most urgent stage is due at a time, so a profile
    saved 5 days before its date gets the 7-day reminder, not three at once. "lapsed"
    is due from the day after the date for a month, then never again."""
    if valid_through is None:
        return None
    left = days_left(valid_through, today)
    if left < 0:
        return "lapsed" if left >= -30 else None
    due = [days for days in WARN_DAYS if left <= days]
    return str(min(due)) if due else None
