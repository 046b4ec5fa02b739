"""Gouge listings in the Wagtail admin (read-only, searchable, exportable) and the demo
content moderators find there."""

import csv
import io
from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from accounts.models import User
from community.gouge import services
from community.gouge.models import ExaminerStats, GougeReport, Status
from demo.loaders import gouge as demo
from demo.management.commands.load_demo import DEMO_MODULES
from snippets.models import Examiner

from .conftest import approved_report, report_fields

REPORTS = reverse("gouge_gougereport_modeladmin_index")
FLAGS = reverse("gouge_gougeflag_modeladmin_index")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def export(client, **params):
    response = client.get(REPORTS, {"export": "csv", **params})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_export_has_one_row_per_report_with_flag_counts(moderator_client, examiner, reporter):
    report = approved_report(examiner, reporter, what_came_up="=HYPERLINK(evil) and steep turns")
    services.flag_report(UserFactory(), report.pk, "Looks invented.")
    services.flag_report(UserFactory(), report.pk, "Names a student.")
    services.submit_report(UserFactory(), examiner, report_fields(outcome="fail"))

    rows = export(moderator_client)
    assert len(rows) == 2
    row = next(row for row in rows if row["Author Email"] == reporter.email)
    assert (row["Flags"], row["Open flags"], row["Status"]) == ("2", "2", "Published")
    assert row["What Came Up"] == "'=HYPERLINK(evil) and steep turns"
    assert (row["Overall Rating"], row["Certificate"], row["Outcome"], row["ACS codes"]) == (
        "4",
        "Private pilot",
        "Passed",
        "PA.I.E, PA.VII.B",
    )
    assert [row["Status"] for row in export(moderator_client, status="pending")] == [
        "Awaiting moderation"
    ]
    xlsx = moderator_client.get(REPORTS, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Disposition"].endswith('checkride-gouge.xlsx"')


def test_listing_searches_and_filters(moderator_client, examiner, reporter):
    approved_report(examiner, reporter, what_came_up="Lost comms and light gun signals.")
    other = UserFactory()
    services.submit_report(other, examiner, report_fields(what_came_up="Spins."))
    found = moderator_client.get(REPORTS, {"q": "light gun"}).content.decode()
    assert reporter.email in found
    assert other.email not in found
    pending = moderator_client.get(REPORTS, {"status": Status.PENDING}).content.decode()
    assert other.email in pending
    assert reporter.email not in pending
    by_examiner = moderator_client.get(REPORTS, {"q": "Alex Rivera"}).content.decode()
    assert reporter.email in by_examiner
    assert other.email in by_examiner


def test_listing_is_read_only(moderator_client, examiner):
    report = approved_report(examiner)
    assert moderator_client.get(REPORTS).status_code == 200
    inspect = moderator_client.get(
        reverse("gouge_gougereport_modeladmin_inspect", args=[report.pk])
    )
    assert inspect.status_code == 200
    assert "Airspace on the sectional" in inspect.content.decode()
    for name, args in (
        ("gouge_gougereport_modeladmin_create", []),
        ("gouge_gougereport_modeladmin_edit", [report.pk]),
        ("gouge_gougereport_modeladmin_delete", [report.pk]),
    ):
        path = reverse(name, args=args)
        for ask in (moderator_client.get, moderator_client.post):
            refused = ask(path, {})
            assert (refused.status_code, refused["Location"]) == (302, "/admin/"), name
            home = moderator_client.get(refused["Location"]).content.decode()
            assert "Sorry, you do not have permission to access this area." in home, name
    assert GougeReport.objects.filter(pk=report.pk, status=Status.APPROVED).exists()


def test_learners_cannot_see_the_listings(client, examiner):
    approved_report(examiner)
    client.force_login(UserFactory())
    for listing in (REPORTS, FLAGS):  # no admin access: sent to log in as someone else
        response = client.get(listing)
        assert (response.status_code, response["Location"]) == (
            302,
            f"/accounts/login/?next={listing}",
        )


def test_flags_listing_shows_reasons(moderator_client, examiner):
    report = approved_report(examiner)
    services.flag_report(UserFactory(), report.pk, "Mentions a student by name.")
    html = moderator_client.get(FLAGS).content.decode()
    assert "Mentions a student by name." in html


def listing_queries(client, examiner, count, url):
    for _ in range(count):
        report = approved_report(examiner)
        services.flag_report(UserFactory(), report.pk, "Looks invented.")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    GougeReport.objects.all().delete()
    return len(queries)


@pytest.mark.parametrize("url", [REPORTS, FLAGS])
def test_listings_cost_the_same_for_3_and_30_reports(moderator_client, examiner, url):
    assert listing_queries(moderator_client, examiner, 3, url) == listing_queries(
        moderator_client, examiner, 30, url
    )


def load_demo():
    call_command("load_demo", stdout=StringIO())
    if "demo.loaders.gouge" not in DEMO_MODULES:
        demo.load(StringIO())


@pytest.mark.django_db
def test_demo_gouge_loads_once_with_five_examiners_and_a_queue():
    load_demo()
    examiners = Examiner.objects.filter(slug__startswith="demo-examiner-")
    assert examiners.count() == 5
    assert all(examiner.name.startswith("Demo Examiner ") for examiner in examiners)
    assert all(examiner.email.endswith("@example.test") for examiner in examiners)
    with_numbers = ExaminerStats.objects.filter(report_count__gte=3)
    assert sorted(stats.report_count for stats in with_numbers) == [3, 4]
    rivera = ExaminerStats.objects.get(examiner__slug=demo.RIVERA)
    assert (rivera.pass_count, rivera.pass_rate) == (2, pytest.approx(2 / 3))
    pending = GougeReport.objects.get(status=Status.PENDING)
    assert pending.author.email == "learner@demo.test"
    moderator = User.objects.get(email=demo.MODERATOR_EMAIL)
    assert moderator.has_perm("gouge.change_gougereport")
    assert GougeReport.objects.filter(status=Status.APPROVED, moderated_by=moderator).count() == 7

    counts = (User.objects.count(), Examiner.objects.count(), GougeReport.objects.count())
    load_demo()
    assert (User.objects.count(), Examiner.objects.count(), GougeReport.objects.count()) == counts
    codenames = set(
        Group.objects.get(name=demo.MODERATORS_GROUP).permissions.values_list("codename", flat=True)
    )
    assert {"access_admin", "view_gougereport", "change_gougereport", "change_review"} <= codenames


@pytest.mark.django_db
def test_demo_moderator_sees_the_pending_report_in_the_queue(client):
    load_demo()
    client.force_login(User.objects.get(email=demo.MODERATOR_EMAIL))
    html = client.get(reverse("gouge_moderation")).content.decode()
    assert "Pending (1)" in html
    assert "learner@demo.test" in html
    assert "Demo Examiner Casey Lindqvist" in html
