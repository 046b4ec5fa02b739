"""Sharing a checkride: the form's checks, the service's refusals as pages, login and
email verification, the daily limit, duplicates."""

import datetime
import zoneinfo

from django.utils import timezone

import pytest

from accounts.factories import UserFactory
from community.gouge.models import GougeReport, Status
from snippets.factories import ExaminerFactory
from snippets.models.examiner import Certificate

from .conftest import report_fields

THANKS = "Thanks! A moderator will look at your report before it is published."


def submit_url(examiner):
    return f"/examiners/{examiner.slug}/report/"


def days_ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


def form_data(**overrides):
    """What the browser posts for a valid report (dates as ISO strings)."""
    fields = report_fields(**{"checkride_date": days_ago(10), **overrides})
    return {
        name: value.isoformat() if isinstance(value, datetime.date) else str(value)
        for name, value in fields.items()
    }


@pytest.fixture
def signed_in(client, reporter):
    client.force_login(reporter)
    return client


def test_form_page_offers_the_examiners_certificates(signed_in, examiner):
    response = signed_in.get(submit_url(examiner))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Share your checkride with Alex Rivera" in html
    assert '<option value="private">Private pilot</option>' in html
    assert 'value="commercial"' not in html
    assert "<legend>How did it go?</legend>" in html
    assert 'type="date"' in html


def test_submit_creates_a_pending_report_and_thanks(signed_in, examiner, reporter):
    data = form_data(
        acs_codes="pa.i.e,  PA.I.E; pa.i.d.k3A PA.VII.B",
        what_came_up="  Steep turns, a diversion to KPAE and airspace.  ",
    )
    response = signed_in.post(submit_url(examiner), data, follow=True)
    assert response.redirect_chain == [(f"/examiners/{examiner.slug}/", 302)]
    html = response.content.decode()
    assert THANKS in html
    assert "Awaiting moderation" in html
    report = GougeReport.objects.get()
    assert (report.author, report.examiner, report.status) == (reporter, examiner, Status.PENDING)
    assert report.acs_codes == "PA.I.E, PA.I.D.K3a, PA.VII.B"
    assert report.what_came_up == "Steep turns, a diversion to KPAE and airspace."
    assert report.checkride_date == days_ago(10)


def refused(response, status, message):
    assert response.status_code == status
    html = response.content.decode()
    assert message in html, html
    assert GougeReport.objects.count() == 0
    return html


def test_future_date_in_the_learners_own_timezone(client, examiner):
    """Kiritimati (UTC+14) is always a calendar day ahead of Pago Pago (UTC-11)."""
    ahead = UserFactory()
    ahead.preferences.timezone = "Pacific/Kiritimati"
    ahead.preferences.save()
    behind = UserFactory()
    behind.preferences.timezone = "Pacific/Pago_Pago"
    behind.preferences.save()
    their_today = timezone.now().astimezone(zoneinfo.ZoneInfo("Pacific/Kiritimati")).date()
    data = {**form_data(), "checkride_date": their_today.isoformat()}
    client.force_login(behind)
    refused(client.post(submit_url(examiner), data), 400, "That date is in the future")
    client.force_login(ahead)
    assert client.post(submit_url(examiner), data).status_code == 302
    assert GougeReport.objects.get().checkride_date == their_today


def test_dates_before_2000_are_refused(signed_in, db):
    no_years = ExaminerFactory(years_experience=None)
    html = refused(
        signed_in.post(submit_url(no_years), form_data(checkride_date="1999-12-31")),
        400,
        "We take reports of checkrides from 2000 onwards.",
    )
    assert 'value="1999-12-31"' in html  # the date typed is kept
    response = signed_in.post(submit_url(no_years), form_data(checkride_date="2000-01-01"))
    assert response.status_code == 302


def test_dates_before_the_examiners_experience_are_refused(signed_in, examiner):
    eleven_years_ago = days_ago(11 * 366).isoformat()
    refused(
        signed_in.post(submit_url(examiner), form_data(checkride_date=eleven_years_ago)),
        400,
        "Alex Rivera has examined for 10 years, so the checkride can&#x27;t be before",
    )
    nine_years_ago = days_ago(9 * 365).isoformat()
    response = signed_in.post(submit_url(examiner), form_data(checkride_date=nine_years_ago))
    assert response.status_code == 302


def test_certificate_the_examiner_does_not_examine(signed_in, examiner):
    refused(
        signed_in.post(submit_url(examiner), form_data(certificate=Certificate.COMMERCIAL)),
        400,
        "Alex Rivera does not examine for that. Choose one of: Private pilot, Instrument rating.",
    )


def test_any_certificate_when_the_examiner_lists_none(signed_in, db):
    open_examiner = ExaminerFactory(certificates=[])
    response = signed_in.post(
        submit_url(open_examiner), form_data(certificate=Certificate.COMMERCIAL)
    )
    assert (response.status_code, response["Location"]) == (
        302,
        f"/examiners/{open_examiner.slug}/",
    )
    report = GougeReport.objects.get(examiner=open_examiner)
    assert report.certificate == Certificate.COMMERCIAL


@pytest.mark.parametrize(
    "codes",
    ["PA.I.E, banana", "PA.1.E", "PA.I.E.X3", "PA.I.EE", "P.I.E", "PA.I.D.K123"],
)
def test_bad_acs_codes(signed_in, examiner, codes):
    html = refused(
        signed_in.post(submit_url(examiner), form_data(acs_codes=codes)),
        400,
        "look like ACS codes",
    )
    assert "what_came_up" in html
    assert "Airspace on the sectional, a diversion and steep turns." in html  # input kept


def test_at_most_twenty_acs_codes(signed_in, examiner):
    codes = ", ".join(f"PA.I.{letter}" for letter in "ABCDEFGHIJKLMNOPQRSTU")
    refused(signed_in.post(submit_url(examiner), form_data(acs_codes=codes)), 400, "up to 20")
    duplicates = ", ".join(["PA.I.A"] * 30)
    assert signed_in.post(submit_url(examiner), form_data(acs_codes=duplicates)).status_code == 302
    assert GougeReport.objects.get().acs_codes == "PA.I.A"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"what_came_up": "   short   "}, "Write at least 20 characters"),
        ({"what_came_up": "x" * 4001}, "Keep this to 4,000 characters or fewer."),
        ({"overall_rating": "9"}, "Rate the examiner from 1 to 5."),
        ({"oral_difficulty": "abc"}, "Choose Easy, Moderate or Hard."),
        ({"outcome": "<b>won</b>"}, "Choose Passed, Did not pass or Discontinued."),
        ({"checkride_date": "next tuesday"}, "Enter the date as YYYY-MM-DD"),
        ({"acs_codes": "PA.I.A," * 400}, "too long"),
    ],
)
def test_invalid_input_is_a_400_with_the_input_kept(signed_in, examiner, overrides, message):
    data = form_data(unexpected_elements="The examiner brought a <b>cat</b>.", **overrides)
    html = refused(signed_in.post(submit_url(examiner), data), 400, message)
    assert "The examiner brought a &lt;b&gt;cat&lt;/b&gt;." in html


def test_missing_fields(signed_in, examiner):
    html = refused(
        signed_in.post(submit_url(examiner), {}), 400, "Enter the date of your checkride."
    )
    assert "Tell other applicants what came up on your checkride." in html


def test_duplicate_is_a_form_error(signed_in, examiner):
    assert signed_in.post(submit_url(examiner), form_data()).status_code == 302
    response = signed_in.post(submit_url(examiner), form_data(what_came_up="x" * 30))
    assert response.status_code == 400
    html = response.content.decode()
    assert "You already reported a checkride with this examiner on that date" in html
    assert 'class="field__errors" id="id_checkride_date_error"' in html
    assert GougeReport.objects.count() == 1


def test_unverified_email_is_refused(client, examiner):
    client.force_login(UserFactory(verified=False))
    for response in (
        client.get(submit_url(examiner)),
        client.post(submit_url(examiner), form_data()),
    ):
        refused(response, 403, "Confirm your email address before you share a report.")


def test_fourth_report_in_a_day_is_rate_limited(signed_in, examiner):
    for n in range(3):
        response = signed_in.post(submit_url(examiner), form_data(checkride_date=days_ago(n + 1)))
        assert response.status_code == 302
    response = signed_in.post(submit_url(examiner), form_data(checkride_date=days_ago(20)))
    assert response.status_code == 429
    html = response.content.decode()
    assert "You can share up to 3 reports a day." in html
    assert "Airspace on the sectional" in html
    assert GougeReport.objects.count() == 3


def test_guest_is_sent_to_log_in_and_back(client, examiner):
    response = client.get(submit_url(examiner))
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={submit_url(examiner)}"
    assert client.post(submit_url(examiner), form_data()).status_code == 302
    assert GougeReport.objects.count() == 0


def test_unknown_or_inactive_examiner(signed_in, db):
    hidden = ExaminerFactory(active=False)
    assert signed_in.get("/examiners/no-one/report/").status_code == 404
    assert signed_in.post(submit_url(hidden), form_data()).status_code == 404
    assert GougeReport.objects.count() == 0


def test_other_methods_are_not_allowed(signed_in, examiner):
    refused = signed_in.put(submit_url(examiner))
    assert (refused.status_code, refused["Allow"]) == (405, "GET, HEAD, POST")
    assert not GougeReport.objects.exists()
