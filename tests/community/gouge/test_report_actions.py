"""Editing, withdrawing and flagging reports: own reports only (others' ids are 404 and
change nothing), edits go back to moderation, one flag per reader with a reason."""

import datetime

import pytest

from community.gouge import services
from community.gouge.models import ExaminerStats, GougeFlag, GougeReport, Status

from .conftest import approved_report, report_fields


def edit_url(report):
    return f"/examiners/reports/{report.pk}/edit/"


def withdraw_url(report):
    return f"/examiners/reports/{report.pk}/withdraw/"


def flag_url(report):
    return f"/examiners/reports/{report.pk}/flag/"


def edit_data(report, **overrides):
    data = {
        name: getattr(report, name) for name in report_fields() if name not in {"checkride_date"}
    }
    data["checkride_date"] = report.checkride_date.isoformat()
    data.update(overrides)
    return data


@pytest.fixture
def pending(examiner, reporter):
    return services.submit_report(reporter, examiner, report_fields())


def test_edit_form_is_filled_in_with_the_report(client, reporter, pending):
    client.force_login(reporter)
    response = client.get(edit_url(pending))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Edit your checkride report" in html
    assert "Airspace on the sectional, a diversion and steep turns." in html
    assert 'value="2026-11-02"' in html
    assert "hidden until they approve it again" in html


def test_edit_saves_and_goes_back_to_moderation(client, examiner, reporter, commit):
    with commit():
        approved_report(examiner, checkride_date=datetime.date(2026, 1, 1))
        approved_report(examiner, checkride_date=datetime.date(2026, 1, 2))
        report = approved_report(examiner, author=reporter)
    assert ExaminerStats.objects.get(examiner=examiner).report_count == 3
    client.force_login(reporter)
    data = edit_data(report, what_came_up="A new story: the oral went long on weather.")
    with commit():
        response = client.post(edit_url(report), data, follow=True)
    assert response.redirect_chain == [(f"/examiners/{examiner.slug}/", 302)]
    assert "A moderator will look at your report again" in response.content.decode()
    report.refresh_from_db()
    assert report.status == Status.PENDING
    assert report.what_came_up == "A new story: the oral went long on weather."
    assert ExaminerStats.objects.get(examiner=examiner).report_count == 2


def test_invalid_edit_keeps_the_input_and_the_report(client, reporter, pending):
    client.force_login(reporter)
    data = edit_data(pending, what_came_up="Too short", acs_codes="PA.I.E, nonsense")
    response = client.post(edit_url(pending), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Too short" in html
    assert "look like ACS codes" in html
    pending.refresh_from_db()
    assert pending.what_came_up == "Airspace on the sectional, a diversion and steep turns."


def test_edit_to_a_date_already_reported_is_a_form_error(client, examiner, reporter, pending):
    other = services.submit_report(
        reporter, examiner, report_fields(checkride_date=datetime.date(2026, 10, 1))
    )
    client.force_login(reporter)
    response = client.post(edit_url(other), edit_data(other, checkride_date="2026-11-02"))
    assert response.status_code == 400
    assert "You already reported a checkride" in response.content.decode()
    other.refresh_from_db()
    assert other.checkride_date == datetime.date(2026, 10, 1)


def test_someone_elses_report_cannot_be_edited(client, other_reporter, pending):
    client.force_login(other_reporter)
    assert client.get(edit_url(pending)).status_code == 404
    data = edit_data(pending, what_came_up="Vandalised by someone else entirely.")
    assert client.post(edit_url(pending), data).status_code == 404
    pending.refresh_from_db()
    assert pending.what_came_up == "Airspace on the sectional, a diversion and steep turns."


def test_guests_are_sent_to_log_in(client, pending):
    response = client.get(edit_url(pending))
    assert response["Location"] == f"/accounts/login/?next={edit_url(pending)}"
    assert client.post(withdraw_url(pending)).status_code == 302
    assert client.post(flag_url(pending), {"reason": "Spam"}).status_code == 302
    assert GougeReport.objects.filter(pk=pending.pk).exists()
    assert not GougeFlag.objects.exists()


def test_withdraw_own_report(client, examiner, reporter, pending):
    client.force_login(reporter)
    assert client.get(withdraw_url(pending)).status_code == 405
    response = client.post(withdraw_url(pending), follow=True)
    assert response.redirect_chain == [(f"/examiners/{examiner.slug}/", 302)]
    assert "Your report is withdrawn." in response.content.decode()
    assert not GougeReport.objects.filter(pk=pending.pk).exists()


def test_someone_elses_report_cannot_be_withdrawn(client, other_reporter, pending):
    client.force_login(other_reporter)
    assert client.post(withdraw_url(pending)).status_code == 404
    assert GougeReport.objects.filter(pk=pending.pk).exists()


def test_flag_creates_one_flag(client, examiner, other_reporter):
    report = approved_report(examiner)
    client.force_login(other_reporter)
    response = client.post(flag_url(report), {"reason": "  It names the examiner's family.  "})
    assert response.status_code == 302
    assert response["Location"] == f"/examiners/{examiner.slug}/#report-{report.pk}"
    again = client.post(flag_url(report), {"reason": "Still wrong."}, follow=True)
    assert "You already reported a problem" in again.content.decode()
    flag = GougeFlag.objects.get()
    assert (flag.report, flag.user, flag.reason) == (
        report,
        other_reporter,
        "It names the examiner's family.",
    )


@pytest.mark.parametrize("reason", ["", "   ", "x" * 1001])
def test_flag_needs_a_reason(client, examiner, other_reporter, reason):
    report = approved_report(examiner)
    client.force_login(other_reporter)
    response = client.post(flag_url(report), {"reason": reason})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tell the moderators what is wrong" in html or "1,000 characters" in html
    assert not GougeFlag.objects.exists()


def test_only_published_reports_can_be_flagged(client, other_reporter, pending):
    client.force_login(other_reporter)
    assert client.post(flag_url(pending), {"reason": "Spam"}).status_code == 404
    assert client.post(flag_url(pending), {"reason": ""}).status_code == 404
    assert client.get(flag_url(pending)).status_code == 405
    assert not GougeFlag.objects.exists()
