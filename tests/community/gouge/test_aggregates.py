"""Examiner aggregates: right for known data (the Wilson interval included), recomputed
after approve, reject, edit and withdraw, and idempotent."""

import datetime

import pytest

from community.gouge import services
from community.gouge.aggregates import (
    MIN_REPORTS,
    acs_area,
    publishable,
    recompute,
    top_acs_areas,
    wilson_interval,
)
from community.gouge.models import ExaminerStats, Outcome
from community.gouge.tasks import recompute_all_examiner_stats, recompute_examiner_stats

from .conftest import approved_report, report_fields


def day(n):
    return datetime.date(2026, 10, n)


@pytest.mark.parametrize(
    ("successes", "trials", "low", "high"),
    [
        (3, 4, 0.3006, 0.9544),  # textbook values for 3 of 4
        (0, 5, 0.0, 0.4345),
        (5, 5, 0.5655, 1.0),
        (81, 263, 0.2553, 0.3662),
    ],
)
def test_wilson_interval_matches_known_values(successes, trials, low, high):
    got_low, got_high = wilson_interval(successes, trials)
    assert got_low == pytest.approx(low, abs=1e-4)
    assert got_high == pytest.approx(high, abs=1e-4)
    assert 0 <= got_low <= successes / trials <= got_high <= 1


def test_no_trials_no_interval():
    assert wilson_interval(0, 0) is None


def test_acs_areas_are_counted_by_standard_and_area():
    assert acs_area("pa.vii.b.k2") == "PA.VII"
    assert acs_area("nonsense") is None
    codes = [["PA.I.C", "PA.VII.B"], ["PA.I.E", "PA.I.F"], ["PA.VII.A", "PA.I.A"], ["PA.III.B"]]
    # Counted in reports: the second report names two PA.I tasks and counts once.
    assert top_acs_areas(codes) == [["PA.I", 3], ["PA.VII", 2], ["PA.III", 1]]


def test_aggregates_for_known_reports(examiner, commit):
    with commit():
        approved_report(examiner, checkride_date=day(1), overall_rating=5, stress_level=2)
        approved_report(examiner, checkride_date=day(2), overall_rating=4, oral_difficulty=3)
        approved_report(examiner, checkride_date=day(3), outcome=Outcome.FAIL, overall_rating=2)
        approved_report(examiner, checkride_date=day(4), outcome=Outcome.PASS, acs_codes="PA.IX.A")
        approved_report(examiner, checkride_date=day(5), outcome=Outcome.DISCONTINUED)
    stats = ExaminerStats.objects.get(examiner=examiner)
    assert stats.report_count == 5
    assert stats.pass_count == 3
    assert stats.pass_rate == pytest.approx(0.75)  # 3 of the 4 who finished; discontinued aside
    assert (stats.pass_rate_low, stats.pass_rate_high) == pytest.approx((0.3006, 0.9544), abs=1e-4)
    assert stats.average_rating == pytest.approx((5 + 4 + 2 + 4 + 4) / 5)
    assert stats.average_oral_difficulty == pytest.approx((2 + 3 + 2 + 2 + 2) / 5)
    assert stats.average_stress == pytest.approx((2 + 3 + 3 + 3 + 3) / 5)
    assert stats.top_acs_areas[0] == ["PA.I", 4]
    assert stats.last_report_date == day(5)
    assert publishable(stats)


def test_pending_and_rejected_reports_never_count(examiner, reporter, commit):
    with commit():
        approved_report(examiner, checkride_date=day(1))
        pending = services.submit_report(reporter, examiner, report_fields(checkride_date=day(2)))
        rejected = services.submit_report(reporter, examiner, report_fields(checkride_date=day(3)))
        services.moderate([rejected], moderator=None, approve=False, note="Names a person")
    stats = ExaminerStats.objects.get(examiner=examiner)
    assert stats.report_count == 1
    assert not publishable(stats)
    assert pending.status == "pending"


def test_recompute_follows_approve_reject_edit_and_withdraw(examiner, reporter, commit):
    def count():
        return ExaminerStats.objects.get(examiner=examiner).report_count

    with commit():
        for n in range(1, MIN_REPORTS):
            approved_report(examiner, checkride_date=day(n))
        mine = services.submit_report(reporter, examiner, report_fields(checkride_date=day(9)))
        services.moderate([mine], moderator=None, approve=True)
    assert count() == MIN_REPORTS

    with commit():
        services.update_report(reporter, mine.pk, {"overall_rating": 1})
    assert count() == MIN_REPORTS - 1  # an edited report waits for moderation again

    with commit():
        services.moderate([mine], moderator=None, approve=True)
    assert count() == MIN_REPORTS
    with commit():
        services.moderate([mine], moderator=None, approve=False, note="On reflection, no")
    assert count() == MIN_REPORTS - 1
    with commit():
        services.moderate([mine], moderator=None, approve=True)
        services.withdraw_report(reporter, mine.pk)
    assert count() == MIN_REPORTS - 1


def test_the_recompute_task_is_idempotent_and_repairs_drift(examiner, commit):
    with commit():
        approved_report(examiner, checkride_date=day(1))
        approved_report(examiner, checkride_date=day(2), outcome=Outcome.FAIL)
    ExaminerStats.objects.filter(examiner=examiner).update(report_count=99, pass_rate=0.1)
    assert recompute_examiner_stats.delay(examiner.pk).get() == 2
    first = ExaminerStats.objects.values().get(examiner=examiner)
    assert recompute_all_examiner_stats.delay().get() == 1
    second = ExaminerStats.objects.values().get(examiner=examiner)
    first.pop("updated_at"), second.pop("updated_at")
    assert first == second
    assert first["report_count"] == 2
    assert first["decided_count"] == 2
    assert first["pass_rate"] is None  # two finished checkrides are too few for a rate


def test_an_examiner_without_reports_has_empty_stats(examiner):
    stats = recompute(examiner.pk)
    assert (stats.report_count, stats.pass_rate, stats.top_acs_areas) == (0, None, [])


def test_no_pass_rate_from_fewer_than_three_finished_checkrides(examiner, commit):
    with commit():
        approved_report(examiner, checkride_date=day(1), outcome=Outcome.PASS)
        approved_report(examiner, checkride_date=day(2), outcome=Outcome.DISCONTINUED)
        approved_report(examiner, checkride_date=day(3), outcome=Outcome.DISCONTINUED)
    stats = ExaminerStats.objects.get(examiner=examiner)
    assert publishable(stats)  # three reports: averages may show
    assert (stats.pass_rate, stats.pass_rate_low, stats.pass_rate_high) == (None, None, None)
