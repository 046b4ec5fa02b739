"""The examiner page: figures only from three approved reports, reports without their
authors, nothing pending or rejected, the viewer's own reports, a cacheable guest page."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from community.gouge import services
from community.gouge.models import Difficulty, Outcome
from snippets.factories import ExaminerFactory

from .conftest import approved_report, report_fields

SENTINEL = "Zanzibarquill"
NOT_ENOUGH = (
    "Not enough reports yet: we show figures once 3 applicants have shared their checkride."
)


def page_url(examiner):
    return f"/examiners/{examiner.slug}/"


def day(n):
    return datetime.date(2026, 3, 1) + datetime.timedelta(days=n)


def figures_section(html):
    match = re.search(r'data-testid="examiner-figures">(.*?)</section>', html, re.S)
    return match.group(1)


def test_unknown_and_inactive_examiners_are_not_found(client, db):
    hidden = ExaminerFactory(active=False)
    assert client.get("/examiners/nobody-here/").status_code == 404
    response = client.get(page_url(hidden))
    assert response.status_code == 404
    assert "We could not find that examiner" in response.content.decode()


def test_profile(client, db):
    examiner = ExaminerFactory(
        name="Alex Rivera", bio="Flew tankers for 20 years.", base_airport="KPAE"
    )
    html = client.get(page_url(examiner)).content.decode()
    for text in ["Alex Rivera", "Flew tankers for 20 years.", "KPAE", "Pacific Northwest"]:
        assert text in html
    assert "Private pilot, Instrument rating" in html
    assert "10 years" in html
    assert "not verified by Groundschool or the FAA" in html


def test_below_three_reports_there_are_no_figures_at_all(client, examiner):
    approved_report(examiner, checkride_date=day(1))
    approved_report(examiner, checkride_date=day(2), outcome=Outcome.FAIL)
    html = client.get(page_url(examiner)).content.decode()
    section = figures_section(html)
    assert NOT_ENOUGH in section
    words = re.sub(r"<[^>]+>", " ", section).replace(NOT_ENOUGH, "")
    assert not re.search(r"\d", words), words
    assert "%" not in html
    assert "2 reports" not in html
    assert "Private pilot applicant, March 2026" in html  # the reports themselves are listed


def test_figures_from_three_pass_and_one_fail(client, examiner, commit):
    with commit():
        approved_report(examiner, checkride_date=day(1), overall_rating=4, stress_level=3)
        approved_report(
            examiner,
            checkride_date=day(2),
            overall_rating=5,
            oral_difficulty=Difficulty.HARD,
            flight_difficulty=Difficulty.MODERATE,
            stress_level=4,
        )
        approved_report(
            examiner,
            checkride_date=day(3),
            overall_rating=4,
            oral_difficulty=Difficulty.EASY,
            flight_difficulty=Difficulty.MODERATE,
            stress_level=4,
            acs_codes="PA.I.E, PA.VII.B.K2, PA.III.A",
        )
        approved_report(
            examiner,
            checkride_date=datetime.date(2026, 4, 20),
            outcome=Outcome.FAIL,
            overall_rating=3,
            stress_level=3,
        )
    section = " ".join(figures_section(client.get(page_url(examiner)).content.decode()).split())
    assert "4 reports</strong>, the latest from April 2026." in section
    assert (
        "Of the 4 applicants who finished their checkride, 75% passed. With so few reports "
        "the true rate could be anywhere from 30% to 95%." in section
    )
    assert "4.0 of 5" in section  # rating (4 + 5 + 4 + 3) / 4
    assert 'Moderate <span class="muted">(2.0 of 3)' in section  # oral (2 + 3 + 1 + 2) / 4
    assert 'Easy <span class="muted">(1.5 of 3)' in section  # flight (1 + 2 + 2 + 1) / 4
    assert "3.5 of 5" in section  # stress
    assert "<code>PA.I</code>" in section
    assert "in 4 reports" in section
    assert NOT_ENOUGH not in section


def test_discontinued_checkrides_are_left_out_of_the_pass_rate(client, examiner, commit):
    with commit():
        for n in range(3):
            approved_report(examiner, checkride_date=day(n))
        approved_report(examiner, checkride_date=day(5), outcome=Outcome.DISCONTINUED)
    section = " ".join(figures_section(client.get(page_url(examiner)).content.decode()).split())
    assert "4 reports" in section
    assert "Of the 3 applicants who finished their checkride, 100% passed." in section
    assert "anywhere from 44% to 100%" in section


def test_pending_and_rejected_reports_never_appear(
    client, examiner, commit, reporter, other_reporter
):
    with commit():
        for n in range(3):
            approved_report(examiner, checkride_date=day(n))
        services.submit_report(
            reporter, examiner, report_fields(what_came_up=f"Pending {SENTINEL} story here.")
        )
        rejected = services.submit_report(
            reporter,
            examiner,
            report_fields(checkride_date=day(9), unexpected_elements=f"Rejected {SENTINEL}"),
        )
        services.moderate([rejected], moderator=None, approve=False, note="Names in it")
    for viewer in (None, other_reporter):
        if viewer:
            client.force_login(viewer)
        html = client.get(page_url(examiner)).content.decode()
        assert SENTINEL not in html
        assert "3 reports" in html


def test_authors_are_never_named(client, examiner, reporter, other_reporter, commit):
    with commit():
        for n in range(3):
            approved_report(examiner, author=reporter if n == 0 else None, checkride_date=day(n))
    for viewer in (None, other_reporter):
        if viewer:
            client.force_login(viewer)
        html = client.get(page_url(examiner)).content.decode()
        assert "Private pilot applicant, March 2026" in html
        for private in [reporter.email, reporter.first_name, reporter.last_name, "Rae"]:
            assert private not in html


def test_report_text_is_escaped(client, examiner):
    approved_report(examiner, what_came_up="<script>alert('gouge')</script> and steep turns.")
    html = client.get(page_url(examiner)).content.decode()
    assert "<script>alert('gouge')</script>" not in html
    assert "&lt;script&gt;" in html


def test_site_search_does_not_return_report_text(client, examiner):
    approved_report(examiner, what_came_up=f"The {SENTINEL} departure and a diversion.")
    response = client.get("/search/", {"q": SENTINEL})
    assert response.status_code == 200
    html = response.content.decode()
    assert "departure and a diversion" not in html
    assert "Private pilot applicant" not in html
    assert page_url(examiner) not in html


def test_guest_page_is_public_and_has_no_forms(client, examiner):
    for n in range(3):
        approved_report(examiner, checkride_date=day(n))
    response = client.get(page_url(examiner))
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "Report a problem" not in html
    assert f'href="/examiners/{examiner.slug}/report/"' in html  # share link, same for all


def test_viewer_sees_own_reports_with_status_and_actions(client, examiner, reporter):
    pending = services.submit_report(reporter, examiner, report_fields(checkride_date=day(1)))
    published = approved_report(examiner, author=reporter, checkride_date=day(2))
    rejected = services.submit_report(reporter, examiner, report_fields(checkride_date=day(3)))
    services.moderate(
        [rejected], moderator=None, approve=False, note="Please remove the tail number."
    )
    client.force_login(reporter)
    response = client.get(page_url(examiner))
    assert "private" in response["Cache-Control"]
    own = response.content.decode().split('data-testid="own-reports"')[1].split("</section>")[0]
    for text in ["Awaiting moderation", "Published", "Not published"]:
        assert text in own
    assert "Moderator's note: Please remove the tail number." in own
    for report in (pending, published, rejected):
        assert f'href="/examiners/reports/{report.pk}/edit/"' in own
        assert f'action="/examiners/reports/{report.pk}/withdraw/"' in own
    assert "<details" in own


def test_flag_form_for_signed_in_readers_but_not_on_their_own_report(
    client, examiner, reporter, other_reporter
):
    own = approved_report(examiner, author=reporter, checkride_date=day(1))
    other = approved_report(examiner, author=other_reporter, checkride_date=day(2))
    client.force_login(reporter)
    html = client.get(page_url(examiner)).content.decode()
    assert f'action="/examiners/reports/{other.pk}/flag/"' in html
    assert f'action="/examiners/reports/{own.pk}/flag/"' not in html
    services.flag_report(reporter, other.pk, "Names a person.")
    html = client.get(page_url(examiner)).content.decode()
    assert f'action="/examiners/reports/{other.pk}/flag/"' not in html
    assert "You reported a problem with this report." in html


def test_reports_are_paginated_ten_a_page(client, examiner):
    for n in range(12):
        approved_report(examiner, checkride_date=day(n))
    first = client.get(page_url(examiner))
    assert len(first.context["reports"]) == 10
    assert "Page 1 of 2" in first.content.decode()
    assert len(client.get(page_url(examiner), {"page": "2"}).context["reports"]) == 2
    assert client.get(page_url(examiner), {"page": "x"}).status_code == 200


def examiner_page_queries(client, examiner):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page_url(examiner)).status_code == 200
    return len(queries)


@pytest.mark.parametrize("signed_in", [False, True])
def test_query_count_does_not_grow_with_reports(
    client, examiner, reporter, signed_in, without_page_cache
):
    if signed_in:
        client.force_login(reporter)
    for n in range(3):
        approved_report(examiner, checkride_date=day(n))
    services.submit_report(reporter, examiner, report_fields(checkride_date=day(40)))
    client.get(page_url(examiner))
    few = examiner_page_queries(client, examiner)
    for n in range(3, 15):
        approved_report(examiner, checkride_date=day(n))
    services.submit_report(reporter, examiner, report_fields(checkride_date=day(41)))
    assert examiner_page_queries(client, examiner) == few
