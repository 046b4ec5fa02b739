"""Races on PostgreSQL: parallel submissions cannot pass the daily limit, and two
recomputes at once leave one correct stats row."""

import datetime

from community.gouge import services
from community.gouge.aggregates import recompute
from community.gouge.models import ExaminerStats, GougeReport
from tests.races import POSTGRES_RACES, in_parallel

from .conftest import approved_report, report_fields

pytestmark = POSTGRES_RACES


def test_parallel_submissions_cannot_pass_the_daily_limit(examiner, reporter):
    def submit(n):
        fields = report_fields(checkride_date=datetime.date(2026, 10, n + 1))
        try:
            services.submit_report(reporter, examiner, fields)
            return "ok"
        except services.GougeError as error:
            return error.status

    results = in_parallel(8, submit)
    assert results.count("ok") == 3
    assert set(results) == {"ok", 429}
    assert GougeReport.objects.filter(author=reporter).count() == 3


def test_parallel_recomputes_leave_one_right_row(examiner):
    for day in (1, 2, 3):
        approved_report(examiner, checkride_date=datetime.date(2026, 10, day))
    ExaminerStats.objects.all().delete()
    in_parallel(6, lambda _: recompute(examiner.pk))
    assert ExaminerStats.objects.get(examiner=examiner).report_count == 3
