"""manage.py take_snapshots: compute the analytics snapshots of a day, or backfill a
run of days (the nightly Celery task does yesterday; see analytics/snapshots.py)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from learning.instructors.analytics.snapshots import take_range, yesterday

MAX_DAYS = 366


def iso_day(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--day must be a date like 2025-01-31, not {value!r}.") from error


class Command(BaseCommand):
    help = (
        "Compute the course, instructor, learner and platform snapshots of --day "
        "(default: yesterday, UTC) and of the --days - 1 days before it. Safe to re-run."
    )

    def add_arguments(self, parser):
        parser.add_argument("--day", type=iso_day, help="Last day to snapshot (YYYY-MM-DD).")
        parser.add_argument("--days", type=int, default=1, help=f"How many days (1-{MAX_DAYS}).")

    def handle(self, *args, day=None, days=1, **options):
        if not 1 <= days <= MAX_DAYS:
            raise CommandError(f"--days must be between 1 and {MAX_DAYS}.")
        last = day or yesterday()
        if last > datetime.datetime.now(datetime.UTC).date():
            raise CommandError(f"{last} has not happened yet.")
        for written in take_range(last, days):
            self.stdout.write(
                f"{written['day']}: {written['courses']} courses, "
                f"{written['instructors']} instructors, {written['learners']} learners"
            )
