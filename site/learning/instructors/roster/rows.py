"""One roster row per enrollment: the figures an instructor reads about a learner in a
course, computed from roster.facts (bulk) and roster.risk (the at-risk rule).

The same rows feed the roster page, its CSV and the student page, so they always agree.
Sorting happens in Python over the filtered rows because most columns are aggregates
(best quiz score, latest activity, a snapshot's readiness); the facts behind them are a
fixed number of grouped queries for the whole course, then the page is cut.
"""

import dataclasses
from datetime import UTC, datetime
from functools import cached_property

from django.utils import timezone

from . import risk
from .facts import Facts


def percent(part, whole):
    return round(100 * part / whole) if whole else None


@dataclasses.dataclass
class RosterRow:
    enrollment: object
    facts: Facts
    now: datetime

    @property
    def learner(self):
        return self.enrollment.user

    @property
    def name(self):
        return self.learner.get_full_name() or self.learner.email

    @property
    def course(self):
        return self.facts.courses[self.enrollment.course_id]

    @property
    def progress(self):
        return self.enrollment.progress_percentage

    @cached_property
    def last_activity(self):
        return risk.last_activity(self.enrollment, self.facts)

    @cached_property
    def flags(self):
        return sorted(risk.flags(self.enrollment, self.facts, self.now))

    @property
    def flag_labels(self):
        return [risk.LABELS[flag] for flag in self.flags]

    @cached_property
    def quizzes(self):
        """Average of the best % per quiz taken, submitted attempts, failed attempts."""
        key = (self.enrollment.user_id, self.enrollment.course_id)
        rows = [row for row in self.facts.quiz_results.get(key, {}).values() if row["submitted"]]
        best = [float(row["best"]) for row in rows if row["best"] is not None]
        return {
            "taken": len(rows),
            "average_best": round(sum(best) / len(best)) if best else None,
            "attempts": sum(row["submitted"] for row in rows),
            "failed": sum(row["failed"] for row in rows),
        }

    @property
    def standard(self):
        return self.facts.standards.get(self.enrollment.course_id)

    @property
    def snapshot(self):
        return self.facts.snapshots.get(self.enrollment.user_id)

    @cached_property
    def readiness(self):
        """[(area, percent or None)] in document order, from the learner's latest
        snapshot for the course's standard; None without a standard or a snapshot."""
        if self.standard is None or self.snapshot is None:
            return None
        marks = (self.snapshot.acs_readiness or {}).get(self.standard.slug)
        if not isinstance(marks, dict):
            return None
        return [
            (area, marks.get(area.code, marks.get(area.numeral)))
            for area in self.standard.area_list
        ]

    @property
    def readiness_average(self):
        known = [value for _, value in self.readiness or [] if isinstance(value, int | float)]
        return round(sum(known) / len(known)) if known else None

    @property
    def retention(self):
        snapshot = self.snapshot
        return None if snapshot is None or snapshot.retention is None else float(snapshot.retention)

    @cached_property
    def orals(self):
        """{done, last_score, satisfactory_share} over completed mock orals of the
        course's standard; None without a standard."""
        if self.standard is None:
            return None
        figures = self.facts.orals.get((self.enrollment.user_id, self.standard.pk))
        if figures is None:
            return {"done": 0, "last_score": None, "satisfactory_share": None}
        return {
            "done": figures["done"],
            "last_score": figures["last_score"],
            "satisfactory_share": percent(figures["satisfactory"], figures["graded"]),
        }


def build_rows(enrollments, now=None):
    facts = Facts(enrollments)
    now = now or timezone.now()
    return [RosterRow(enrollment, facts, now) for enrollment in facts.enrollments]


LONG_AGO = datetime.min.replace(tzinfo=UTC)

# ?sort= values: each a key that puts "nothing known" (None) last in either direction.
SORTS = {
    "name": lambda row: row.name.lower(),
    "risk": lambda row: len(row.flags),
    "progress": lambda row: row.progress,
    "activity": lambda row: row.last_activity,
    "quiz": lambda row: row.quizzes["average_best"],
    "failed": lambda row: row.quizzes["failed"],
    "readiness": lambda row: row.readiness_average,
    "retention": lambda row: row.retention,
    "orals": lambda row: (row.orals or {}).get("last_score"),
}
DEFAULT_SORT = "name"


def sort_rows(rows, sort):
    """`rows` sorted by `sort` ("progress", or "-progress" for descending)."""
    descending = sort.startswith("-")
    key = SORTS[sort.lstrip("-")]
    known = [row for row in rows if key(row) is not None]
    unknown = [row for row in rows if key(row) is None]
    known.sort(key=lambda row: (key(row), row.name.lower()), reverse=descending)
    return known + unknown


RISK_FILTERS = {
    "any": lambda row: bool(row.flags),
    risk.INACTIVE: lambda row: risk.INACTIVE in row.flags,
    risk.FAILING: lambda row: risk.FAILING in row.flags,
}


def filter_risk(rows, value):
    return [row for row in rows if RISK_FILTERS[value](row)] if value else rows
