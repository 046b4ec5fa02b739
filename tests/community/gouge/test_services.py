"""Gouge write paths: who may report, how often, duplicates, and that authors alone edit
or withdraw their reports."""

import datetime

from django.utils import timezone

import pytest

from accounts.factories import UserFactory
from community.gouge import services
from community.gouge.models import GougeFlag, GougeReport, Status

from .conftest import approved_report, report_fields


def fields_on(day):
    return report_fields(checkride_date=datetime.date(2026, 10, day))


def test_a_verified_learner_submits_a_pending_report(examiner, reporter):
    report = services.submit_report(reporter, examiner, fields_on(1))
    assert report.status == Status.PENDING
    assert report.pseudonym == "Private pilot applicant, October 2026"


def test_unverified_and_anonymous_users_cannot_report(examiner):
    from django.contrib.auth.models import AnonymousUser

    for user, status in ((UserFactory(verified=False), 403), (AnonymousUser(), 403)):
        with pytest.raises(services.GougeError) as refused:
            services.submit_report(user, examiner, fields_on(1))
        assert refused.value.status == status
    assert not GougeReport.objects.exists()


def test_one_report_per_author_examiner_and_date(examiner, reporter):
    services.submit_report(reporter, examiner, fields_on(1))
    with pytest.raises(services.GougeError, match="already reported"):
        services.submit_report(reporter, examiner, fields_on(1))
    assert GougeReport.objects.count() == 1


def test_no_more_than_three_reports_a_day(examiner, reporter):
    for day in (1, 2, 3):
        services.submit_report(reporter, examiner, fields_on(day))
    with pytest.raises(services.GougeError) as refused:
        services.submit_report(reporter, examiner, fields_on(4))
    assert refused.value.status == 429
    tomorrow = timezone.now() + datetime.timedelta(days=1, minutes=1)
    services.submit_report(reporter, examiner, fields_on(4), now=tomorrow)
    assert GougeReport.objects.count() == 4


def test_only_the_author_edits_or_withdraws(examiner, reporter, other_reporter):
    report = services.submit_report(reporter, examiner, fields_on(1))
    for attempt in (
        lambda: services.update_report(other_reporter, report.pk, {"overall_rating": 1}),
        lambda: services.withdraw_report(other_reporter, report.pk),
        lambda: services.update_report(reporter, 987_654, {"overall_rating": 1}),
    ):
        with pytest.raises(services.GougeError) as refused:
            attempt()
        assert refused.value.status == 404
    report.refresh_from_db()
    assert report.overall_rating == 4
    services.withdraw_report(reporter, report.pk)
    assert not GougeReport.objects.exists()


def test_flags_need_a_reason_and_a_published_report(examiner, reporter, other_reporter):
    pending = services.submit_report(reporter, examiner, fields_on(1))
    with pytest.raises(services.GougeError) as refused:
        services.flag_report(other_reporter, pending.pk, "It names the examiner's family")
    assert refused.value.status == 404
    published = approved_report(examiner)
    with pytest.raises(services.GougeError):
        services.flag_report(other_reporter, published.pk, "   ")
    services.flag_report(other_reporter, published.pk, "Names a real student")
    services.flag_report(other_reporter, published.pk, "Again")  # once per person
    assert GougeFlag.objects.get().reason == "Names a real student"


def test_approving_resolves_the_flags(examiner, other_reporter):
    published = approved_report(examiner)
    services.flag_report(other_reporter, published.pk, "Looks invented")
    services.moderate([published], moderator=None, approve=False, note="Could not verify")
    assert GougeFlag.objects.get().resolved


def test_keeping_a_flagged_report_published_dismisses_its_flags(examiner, other_reporter):
    published = approved_report(examiner)
    services.flag_report(other_reporter, published.pk, "Looks invented")
    assert services.moderate([published], moderator=None, approve=True) == 0  # no change
    published.refresh_from_db()
    assert published.status == Status.APPROVED
    assert GougeFlag.objects.get().resolved
