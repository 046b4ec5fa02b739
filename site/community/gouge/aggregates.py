"""Examiner aggregates from approved reports: pass rate with a 95% Wilson score
interval, averages, the ACS areas asked most, the latest checkride date.

Recomputed from the reports every time (idempotent: running twice, or two workers at
once, gives the same row). Pages show numbers only from MIN_REPORTS approved reports,
so no figure describes one person's checkride.
"""

import math
from collections import Counter

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Max, Q

from .models import ExaminerStats, GougeReport, Outcome, Status

MIN_REPORTS = 3
Z_95 = 1.959964  # the standard normal quantile for a two-sided 95% interval
TOP_AREAS = 3


def wilson_interval(successes, trials, z=Z_95):
    """(low, high) of the Wilson score interval for a proportion, or None for 0 trials.

    Unlike the plain p +/- z*sqrt(p(1-p)/n) interval it stays inside [0, 1] and is
    honest for the small samples one examiner's reports give.
    """
    if trials <= 0:
        return None
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    margin = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    return max(0.0, centre - margin), min(1.0, centre + margin)


def acs_area(code):
    """'PA.VII.B.K2' -> 'PA.VII' (standard and area of operation); junk -> None."""
    parts = code.strip().upper().split(".")
    return ".".join(parts[:2]) if len(parts) >= 2 and parts[0] and parts[1] else None


def top_acs_areas(code_lists, limit=TOP_AREAS):
    """The most-asked areas as [[area, reports that asked it], ...], most first, ties by
    name; a report naming three tasks of one area counts once for it."""
    counts = Counter(
        area for codes in code_lists for area in {acs_area(code) for code in codes} if area
    )
    return [[area, n] for area, n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))[:limit]]


def compute(examiner_id):
    """The aggregate values (a dict of ExaminerStats fields) for one examiner."""
    approved = GougeReport.objects.filter(examiner_id=examiner_id, status=Status.APPROVED)
    totals = approved.aggregate(
        report_count=Count("pk"),
        pass_count=Count("pk", filter=Q(outcome=Outcome.PASS)),
        decided_count=Count("pk", filter=Q(outcome__in=[Outcome.PASS, Outcome.FAIL])),
        average_rating=Avg("overall_rating"),
        average_oral_difficulty=Avg("oral_difficulty"),
        average_flight_difficulty=Avg("flight_difficulty"),
        average_stress=Avg("stress_level"),
        last_report_date=Max("checkride_date"),
    )
    decided = totals["decided_count"]
    # No rate from fewer than MIN_REPORTS finished checkrides: it would tell one
    # applicant's outcome (three reports with two discontinued would otherwise say 100%).
    interval = wilson_interval(totals["pass_count"], decided) if decided >= MIN_REPORTS else None
    codes = [report.acs_code_list for report in approved.only("acs_codes")]
    return {
        **totals,
        "pass_rate": totals["pass_count"] / decided if interval else None,
        "pass_rate_low": interval[0] if interval else None,
        "pass_rate_high": interval[1] if interval else None,
        "top_acs_areas": top_acs_areas(codes),
    }


def recompute(examiner_id):
    """Store the examiner's aggregates; returns the ExaminerStats row."""
    values = compute(examiner_id)
    for _attempt in range(2):  # a parallel first insert wins the primary key: update then
        try:
            with transaction.atomic():
                stats, _ = ExaminerStats.objects.update_or_create(
                    examiner_id=examiner_id, defaults=values
                )
            return stats
        except IntegrityError:
            continue
    return ExaminerStats.objects.get(examiner_id=examiner_id)


def publishable(stats):
    """Whether the page may show the numbers (enough approved reports)."""
    return stats is not None and stats.report_count >= MIN_REPORTS
