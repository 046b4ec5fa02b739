"""An applicant's gouge in Chromium: they share their checkride about an examiner with two
published reports, see it awaiting moderation and still no figures; once a moderator
approves it, the examiner page shows the figures for three reports."""

import datetime

from django.utils import timezone

import pytest

from accounts.factories import TEST_PASSWORD, UserFactory
from community.gouge import services
from community.gouge.models import GougeReport, Status
from snippets.factories import ExaminerFactory
from tests.community.gouge.conftest import approved_report

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NOT_ENOUGH = "Not enough reports yet"


def log_in(page, email):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def test_learner_shares_gouge_and_figures_appear_once_approved(page):
    examiner = ExaminerFactory(name="Alex Rivera")
    moderator = UserFactory(email="mo@example.test", is_staff=True)
    approved_report(examiner, checkride_date=datetime.date(2026, 2, 3))
    approved_report(examiner, checkride_date=datetime.date(2026, 4, 5))
    UserFactory(email="gia@example.test", first_name="Gia", last_name="Glideslope")
    log_in(page, "gia@example.test")

    page.goto(f"/examiners/{examiner.slug}/")
    assert NOT_ENOUGH in page.get_by_test_id("examiner-figures").inner_text()
    page.get_by_role("link", name="Share your checkride").click()
    page.wait_for_url(f"**/examiners/{examiner.slug}/report/")

    ride = timezone.localdate() - datetime.timedelta(days=4)
    page.get_by_label("Date of the checkride").fill(ride.isoformat())
    page.get_by_label("Certificate or rating sought").select_option("private")
    page.get_by_role("group", name="How did it go?").get_by_label("Passed").check()
    page.get_by_role("group", name="Overall, how was the examiner?").get_by_label(
        "5: excellent"
    ).check()
    page.get_by_role("group", name="How hard was the oral exam?").get_by_label("Hard").check()
    page.get_by_role("group", name="How hard was the flight?").get_by_label("Easy").check()
    page.get_by_role("group", name="How stressful was the day?").get_by_label(
        "2: a little tense"
    ).check()
    page.get_by_label("What came up", exact=True).fill(
        "Weather theory for an hour, then a diversion and a power-off 180."
    )
    page.get_by_label("ACS codes asked").fill("pa.i.c, PA.IX.B")
    page.get_by_role("button", name="Send for moderation").click()

    page.wait_for_url(f"**/examiners/{examiner.slug}/")
    main = page.locator("main")
    page.get_by_role("status").get_by_text(
        "Thanks! A moderator will look at your report"
    ).wait_for()
    assert page.get_by_test_id("own-report-status").inner_text() == "Awaiting moderation"
    assert NOT_ENOUGH in page.get_by_test_id("examiner-figures").inner_text()
    assert "power-off 180" not in main.inner_text()

    report = GougeReport.objects.get(author__email="gia@example.test")
    assert report.acs_codes == "PA.I.C, PA.IX.B"
    assert services.moderate([report], moderator, approve=True) == 1
    assert GougeReport.objects.get(pk=report.pk).status == Status.APPROVED

    page.reload()
    figures = page.get_by_test_id("examiner-figures").inner_text()
    assert "3 reports" in figures
    assert NOT_ENOUGH not in figures
    assert "100% passed" in figures
    assert page.get_by_test_id("own-report-status").inner_text() == "Published"
    assert "power-off 180" in page.locator("main").inner_text()
    assert "Glideslope" not in page.locator(".gouge-reports").inner_text()
