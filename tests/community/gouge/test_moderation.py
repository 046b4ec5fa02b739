"""The gouge moderation queue: moderators approve and reject in bulk, authors hear about
it, the examiner's numbers follow, flagged reports come first, and nobody else gets in."""

import datetime
import re

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from community.gouge import services
from community.gouge.models import ExaminerStats, GougeFlag, GougeReport, Outcome, Status

from .conftest import approved_report, report_fields

QUEUE = reverse("gouge_moderation")


def pending_report(examiner, author=None, **overrides):
    return services.submit_report(author or UserFactory(), examiner, report_fields(**overrides))


def flag(report, reason="Names a real student."):
    services.flag_report(UserFactory(), report.pk, reason)


def flagged_pending(examiner, author, reason="Looks like an advert."):
    """An approved report someone flagged, then edited by its author: back in the queue
    with its flag still open."""
    report = approved_report(examiner, author)
    flag(report, reason)
    return services.update_report(author, report.pk, {"what_came_up": "Edited: steep turns."})


def ticked_ids(html):
    return [int(pk) for pk in re.findall(r'name="report" value="(\d+)"', html)]


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def test_moderator_approves_in_bulk_and_authors_are_told(
    moderator_client, moderator, examiner, reporter, other_reporter, commit, mailoutbox
):
    first = flagged_pending(examiner, reporter)
    other_reporter.preferences.email_notifications = False
    other_reporter.preferences.save()
    second = pending_report(examiner, other_reporter)
    untouched = pending_report(examiner)
    with commit():
        response = moderator_client.post(
            QUEUE,
            {"action": "approve", "report": [first.pk, second.pk, 987654], "note": "Thanks!"},
            follow=True,
        )
    assert "Approved 2 reports (1 already had that status or no longer exist)." in (
        response.content.decode()
    )
    for report in (first, second):
        report.refresh_from_db()
        assert (report.status, report.moderated_by, report.moderation_note) == (
            Status.APPROVED,
            moderator,
            "Thanks!",
        )
        assert report.moderated_at is not None
    assert not GougeFlag.objects.filter(resolved=False).exists()
    untouched.refresh_from_db()
    assert untouched.status == Status.PENDING
    # The author who turned email off hears of it on the site only.
    assert [(mail.to, mail.subject) for mail in mailoutbox] == [
        ([reporter.email], "Your checkride report on Alex Rivera is published")
    ]


def test_rejecting_needs_a_reason_which_the_author_reads(
    moderator_client, examiner, reporter, commit, mailoutbox
):
    report = pending_report(examiner, reporter)
    with commit():
        refused = moderator_client.post(QUEUE, {"action": "reject", "report": [report.pk]})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "Give a reason when you reject reports" in html
    assert f'value="{report.pk}" id="select-report-{report.pk}" checked' in html
    report.refresh_from_db()
    assert report.status == Status.PENDING
    assert mailoutbox == []

    with commit():
        response = moderator_client.post(
            QUEUE,
            {"action": "reject", "report": [report.pk], "note": "Please leave out names."},
            follow=True,
        )
    assert "Rejected 1 report." in response.content.decode()
    report.refresh_from_db()
    assert (report.status, report.moderation_note) == (Status.REJECTED, "Please leave out names.")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject.startswith("Your checkride report on Alex Rivera was not")
    assert "Please leave out names." in mailoutbox[0].body


def test_bad_input_changes_nothing_and_keeps_the_note(moderator_client, examiner):
    report = pending_report(examiner)
    cases = [
        ({"action": "approve"}, "Select at least one report first."),
        ({"action": "approve", "report": ["x", "", "-1", "9" * 30]}, "Select at least one"),
        ({"action": "delete", "report": [report.pk]}, "Choose Approve selected or Reject"),
        ({"action": "approve", "report": [report.pk], "note": "n" * 2001}, "under 2,000"),
    ]
    for data, message in cases:
        response = moderator_client.post(QUEUE, {"note": "My careful note", **data})
        assert response.status_code == 400, data
        html = response.content.decode()
        assert message in html
        assert "My careful note" in html or "n" * 2001 in html
    report.refresh_from_db()
    assert report.status == Status.PENDING


def test_posts_without_a_csrf_token_are_refused(moderator, examiner):
    report = pending_report(examiner)
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    response = client.post(QUEUE, {"action": "approve", "report": [report.pk]})
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == Status.PENDING


def test_examiner_stats_follow_approvals_and_rejections(moderator_client, examiner, commit):
    rides = [
        (Outcome.PASS, 5, "PA.I.E, PA.VII.B"),
        (Outcome.PASS, 3, "PA.I.C"),
        (Outcome.FAIL, 4, "PA.I.E"),
    ]
    reports = [
        pending_report(examiner, outcome=outcome, overall_rating=rating, acs_codes=codes)
        for outcome, rating, codes in rides
    ]
    with commit():
        moderator_client.post(QUEUE, {"action": "approve", "report": [r.pk for r in reports]})
    stats = ExaminerStats.objects.get(examiner=examiner)
    assert (stats.report_count, stats.pass_count) == (3, 2)
    assert stats.pass_rate == pytest.approx(2 / 3)
    assert (stats.pass_rate_low, stats.pass_rate_high) == (
        pytest.approx(0.2077, abs=1e-4),
        pytest.approx(0.9385, abs=1e-4),
    )
    assert stats.average_rating == pytest.approx(4.0)
    assert stats.top_acs_areas == [["PA.I", 3], ["PA.VII", 1]]

    with commit():
        moderator_client.post(
            QUEUE + "?status=published",
            {"action": "reject", "report": [reports[2].pk], "note": "Duplicate of another."},
        )
    stats.refresh_from_db()
    # Two finished checkrides are too few for a rate (it would tell their outcomes).
    assert (stats.report_count, stats.pass_count, stats.pass_rate) == (2, 2, None)
    assert stats.average_rating == pytest.approx(4.0)
    assert stats.top_acs_areas == [["PA.I", 2], ["PA.VII", 1]]


def admin_only_user():
    group = Group.objects.create(name="Admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory()
    user.groups.add(group)
    return user


def test_learners_and_admins_without_gouge_permission_cannot_moderate(client, examiner):
    report = pending_report(examiner)
    approve = {"action": "approve", "report": [report.pk]}
    assert client.get(QUEUE).status_code == 302
    client.force_login(UserFactory())
    assert client.get(QUEUE).status_code == 302
    assert client.post(QUEUE, approve).status_code == 302

    client.force_login(admin_only_user())
    assert client.get(QUEUE).status_code == 403
    assert client.post(QUEUE, approve).status_code == 403
    assert "Gouge moderation" not in client.get(reverse("wagtailadmin_home")).content.decode()
    report.refresh_from_db()
    assert (report.status, report.moderated_by) == (Status.PENDING, None)


def test_moderators_see_the_menu_item(moderator_client):
    home = moderator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Gouge moderation" in home
    assert "Checkride gouge" in home


def test_flagged_reports_come_first_then_oldest(moderator_client, examiner, reporter):
    now = datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC)
    oldest, middle, newest = (
        services.submit_report(
            UserFactory(),
            examiner,
            report_fields(what_came_up=f"Report {n}"),
            now=now + datetime.timedelta(hours=n),
        )
        for n in range(3)
    )
    services.moderate([oldest, middle, newest], moderator=None, approve=True)
    flag(newest)
    pending_flagged = flagged_pending(examiner, reporter)
    pending = pending_report(examiner)

    published = moderator_client.get(QUEUE, {"status": "published"}).content.decode()
    assert ticked_ids(published) == [newest.pk, oldest.pk, middle.pk]
    flagged = moderator_client.get(QUEUE, {"status": "flagged"}).content.decode()
    assert ticked_ids(flagged) == [newest.pk]
    assert "Names a real student." in flagged
    queue = moderator_client.get(QUEUE).content.decode()
    assert ticked_ids(queue) == [pending_flagged.pk, pending.pk]
    assert "Looks like an advert." in queue
    for tab in ("Pending (2)", "Flagged (1)", "Rejected (0)", "Published (3)"):
        assert tab in queue


def test_rows_show_the_report_and_the_authors_history(moderator_client, examiner, reporter):
    approved_report(examiner, reporter, checkride_date=datetime.date(2026, 10, 1))
    rejected = pending_report(examiner, reporter, checkride_date=datetime.date(2026, 10, 2))
    services.moderate([rejected], moderator=None, approve=False, note="No.")
    pending_report(
        examiner,
        reporter,
        what_came_up="<script>alert('x')</script> Lost comms procedures.",
        unexpected_elements="A question on wake turbulence.",
    )
    html = moderator_client.get(QUEUE).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Lost comms procedures." in html
    assert "<script>alert('x')" not in html
    assert "A question on wake turbulence." in html
    assert "PA.I.E, PA.VII.B" in html
    assert "Overall 4 / 5" in html
    assert "Alex Rivera" in html
    assert reporter.email in html
    assert "History: 1 approved, 1 rejected, 1 pending" in html


def test_queue_shows_25_a_page(moderator_client, examiner):
    for _ in range(27):
        pending_report(examiner)
    first = moderator_client.get(QUEUE).content.decode()
    second = moderator_client.get(QUEUE, {"p": "2"}).content.decode()
    assert (len(ticked_ids(first)), len(ticked_ids(second))) == (25, 2)
    assert moderator_client.get(QUEUE, {"p": "junk", "status": "<b>"}).status_code == 200


def queue_queries(client, examiner, count, status):
    for n in range(count):
        report = pending_report(examiner, what_came_up=f"Report {n}")
        if status == "published":
            services.moderate([report], moderator=None, approve=True)
            flag(report)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(QUEUE, {"status": status})
    assert response.status_code == 200
    assert len(ticked_ids(response.content.decode())) == min(count, 25)
    GougeReport.objects.all().delete()
    return len(queries)


@pytest.mark.parametrize("status", ["pending", "published"])
def test_queue_costs_the_same_for_3_and_30_reports(moderator_client, examiner, status):
    assert queue_queries(moderator_client, examiner, 3, status) == queue_queries(
        moderator_client, examiner, 30, status
    )
