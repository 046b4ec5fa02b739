"""The public examiner directory: search, filters, sort, pagination, fixed query count."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from community.gouge import services
from community.gouge.aggregates import recompute
from community.gouge.models import GougeReport, Outcome, Status
from snippets.factories import ExaminerFactory
from snippets.models.examiner import Certificate

from .conftest import approved_report, report_fields

URL = "/examiners/"


def names(response):
    return [examiner.name for examiner in response.context["examiners"].object_list]


def cards(response):
    """The HTML of each examiner card, in page order."""
    html = response.content.decode()
    return [part.split("</article>")[0] for part in html.split('data-testid="examiner-card"')[1:]]


def with_approved_reports(examiner, outcomes):
    """Approved reports straight into the table (one per outcome), then the stats."""
    GougeReport.objects.bulk_create(
        GougeReport(
            author=UserFactory(),
            examiner=examiner,
            status=Status.APPROVED,
            **report_fields(outcome=outcome, checkride_date=datetime.date(2026, 1, 1 + day)),
        )
        for day, outcome in enumerate(outcomes)
    )
    return recompute(examiner.pk)


def test_url_name_and_only_active_examiners(client, db):
    ExaminerFactory(name="Active Ada")
    ExaminerFactory(name="Retired Rex", active=False, region="Alaska")
    response = client.get(reverse("examiner_directory"))
    assert response.status_code == 200
    assert names(response) == ["Active Ada"]
    html = response.content.decode()
    assert "Retired Rex" not in html
    assert ">Alaska<" not in html  # the region select lists active examiners' regions only


def test_search_by_name_or_base_airport(client, db):
    ExaminerFactory(name="Alex Rivera", base_airport="KBFI")
    ExaminerFactory(name="Bea Lopez", base_airport="KPAE")
    assert names(client.get(URL, {"q": "rivera"})) == ["Alex Rivera"]
    assert names(client.get(URL, {"q": "kpae"})) == ["Bea Lopez"]
    response = client.get(URL, {"q": "nobody"})
    assert names(response) == []
    assert "No examiners match" in response.content.decode()


def test_region_filter_and_unknown_region_notice(client, db):
    ExaminerFactory(name="North", region="Pacific Northwest")
    ExaminerFactory(name="South", region="Southwest")
    response = client.get(URL, {"region": "Southwest"})
    assert names(response) == ["South"]
    assert '<option value="Southwest" selected>' in response.content.decode()
    response = client.get(URL, {"region": "Atlantis"})
    assert names(response) == ["North", "South"]
    assert "We ignored an unknown region." in response.content.decode()


def test_certificate_filter_tells_cfi_from_cfii(client, db):
    ExaminerFactory(name="Cfi Only", certificates=[Certificate.CFI])
    ExaminerFactory(name="Cfii Only", certificates=[Certificate.CFII])
    ExaminerFactory(name="Private", certificates=[Certificate.PRIVATE])
    assert names(client.get(URL, {"certificate": "cfi"})) == ["Cfi Only"]
    assert names(client.get(URL, {"certificate": "cfii"})) == ["Cfii Only"]


def test_unknown_certificate_and_sort_are_ignored_with_a_notice(client, db):
    ExaminerFactory(name="Alex")
    response = client.get(URL, {"certificate": "<b>astronaut</b>", "sort": "random"})
    assert response.status_code == 200
    assert names(response) == ["Alex"]
    html = response.content.decode()
    assert "We ignored an unknown certificate." in html
    assert "We ignored an unknown sort order." in html
    assert "<b>astronaut</b>" not in html


def test_sort_by_approved_reports_counts_examiners_without_stats_as_zero(client, db):
    few = ExaminerFactory(name="Few")
    ExaminerFactory(name="Aaron None")
    many = ExaminerFactory(name="Many")
    with_approved_reports(few, [Outcome.PASS])
    with_approved_reports(many, [Outcome.PASS, Outcome.FAIL])
    assert names(client.get(URL, {"sort": "reports"})) == ["Many", "Few", "Aaron None"]
    assert names(client.get(URL, {"sort": "name"})) == ["Aaron None", "Few", "Many"]


def test_card_shows_pass_rate_only_from_three_reports(client, db):
    two = ExaminerFactory(name="Two Reports")
    three = ExaminerFactory(name="Three Reports")
    with_approved_reports(two, [Outcome.PASS, Outcome.PASS])
    with_approved_reports(three, [Outcome.PASS, Outcome.PASS, Outcome.FAIL])
    three_card, two_card = cards(client.get(URL))
    assert "3 reports" in three_card
    assert "67% passed" in three_card
    assert "2 reports" in two_card
    assert "passed" not in two_card
    assert "%" not in two_card


def test_card_facts(client, db):
    ExaminerFactory(
        name="Alex Rivera",
        organization="FAA Designated Pilot Examiner",
        region="Pacific Northwest",
        base_airport="KBFI",
        certificates=[Certificate.PRIVATE, Certificate.CFI],
    )
    html = client.get(URL).content.decode()
    for text in [
        "Alex Rivera",
        "FAA Designated Pilot Examiner",
        "Pacific Northwest",
        "KBFI",
        "Private pilot, Flight instructor (CFI)",
        "0 reports",
        'href="/examiners/alex-rivera/"',
    ]:
        assert text in html


def test_twenty_per_page_and_bad_page_numbers(client, db):
    ExaminerFactory.create_batch(25)
    first = client.get(URL)
    assert len(names(first)) == 20
    assert "Page 1 of 2" in first.content.decode()
    assert len(names(client.get(URL, {"page": "2"}))) == 5
    response = client.get(URL, {"page": "abc"})
    assert len(names(response)) == 20
    assert "That page number was not valid" in response.content.decode()
    response = client.get(URL, {"page": "99"})
    assert len(names(response)) == 5
    assert "There are fewer pages than that" in response.content.decode()


def test_pagination_links_keep_the_filters(client, db):
    ExaminerFactory.create_batch(21, region="Southwest")
    html = client.get(URL, {"region": "Southwest", "sort": "reports"}).content.decode()
    assert "?region=Southwest&amp;sort=reports&amp;page=2" in html


def test_only_get_and_head(client, db):
    refused = client.post(URL)
    assert (refused.status_code, refused["Allow"]) == (405, "GET, HEAD")
    head = client.head(URL)
    assert (head.status_code, head.content) == (200, b"")


def directory_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"sort": "reports"})
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_examiners_or_reports(client, db, without_page_cache):
    for examiner in ExaminerFactory.create_batch(3):
        with_approved_reports(examiner, [Outcome.PASS, Outcome.FAIL, Outcome.PASS])
    client.get(URL)  # the header's menus and settings are cached after a first request
    few = directory_queries(client)
    for examiner in ExaminerFactory.create_batch(27):
        with_approved_reports(examiner, [Outcome.PASS, Outcome.FAIL, Outcome.PASS, Outcome.PASS])
    many = directory_queries(client)
    assert few == many
    assert many <= 5  # regions, count, the examiners with stats; the site and its branding


def test_directory_counts_only_approved_reports(client, examiner, reporter, other_reporter):
    approved_report(examiner, author=reporter)
    services.submit_report(
        other_reporter, examiner, report_fields(checkride_date=datetime.date(2026, 5, 1))
    )
    recompute(examiner.pk)
    assert "1 report<" in client.get(URL).content.decode()


@pytest.mark.parametrize(
    "params", [{"q": "x" * 5000}, {"q": "a\x00b"}, {"region": "\x00"}, {"page": "-1"}]
)
def test_hostile_query_strings_still_show_the_directory(client, db, params):
    ExaminerFactory(name="Alex")
    response = client.get(URL, params)
    assert response.status_code == 200
    assert "Checkride examiners" in response.content.decode()
