"""Certificates: issued once when a course is finished, and verifiable by anyone who
has the link (the holder's PDF is in test_certificate_pdf.py)."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from learning.courses.factories import build_course
from learning.enrollments import services
from learning.enrollments.certificates import services as certificates
from learning.enrollments.factories import enroll, live_lessons
from learning.enrollments.models import ActivityType, Certificate, UserActivity
from learning.enrollments.models.certificate import new_certificate_number
from tests.learning.enrollments.certificate_helpers import earn_certificate, finish, stored_files
from tests.races import in_parallel, postgres_race

pytestmark = pytest.mark.django_db

NUMBER = re.compile(r"^GS-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")
NOT_FOUND = "No certificate matches this verification link"
DEC_1 = datetime.datetime(2026, 12, 1, 15, 0, tzinfo=datetime.UTC)
JAN_3 = datetime.datetime(2027, 1, 3, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def certificate(course, premium_learner, commit):
    return earn_certificate(premium_learner, course, commit)


def verify_url(certificate):
    return reverse("certificate_verify", args=[certificate.verification_hash])


# Issuing


def test_finishing_a_course_issues_one_certificate_with_its_pdf(course, premium_learner, commit):
    with commit():
        enrollment = finish(premium_learner, course)
        again = certificates.issue_certificate(enrollment)
    assert enrollment.status == "completed"
    certificate = Certificate.objects.get()
    assert again == (certificate, False)
    assert (certificate.holder_name, certificate.course_title) == ("Pat Premium", course.title)
    assert certificate.pdf_is_current
    assert stored_files() == [certificate.pdf.name.split("/")[-1]]
    assert certificate.verification_hash not in certificate.pdf.name  # the link is not the file
    issued = UserActivity.objects.filter(type=ActivityType.CERTIFICATE_ISSUED)
    assert list(issued.values_list("data", flat=True)) == [
        {"certificate_number": certificate.certificate_number}
    ]


def test_completing_again_after_an_undo_keeps_the_one_certificate(course, premium_learner, commit):
    first = earn_certificate(premium_learner, course, commit)
    services.mark_lesson_incomplete(premium_learner, course.lessons[0])
    with commit():
        services.complete_lesson(premium_learner, course.lessons[0])
    assert list(Certificate.objects.all()) == [first]


def test_no_certificate_until_every_lesson_is_done(course, learner, commit):
    """A registered learner cannot complete the premium lesson, so never finishes."""
    with commit():
        enrollment = enroll(learner, course)
        for lesson in course.lessons[:4]:
            services.complete_lesson(learner, lesson)
        services.complete_lesson(learner, course.lessons[5], source="assessment")
    enrollment.refresh_from_db()
    assert enrollment.status == "active"
    assert not Certificate.objects.exists()


def test_courses_without_a_certificate_issue_none(course, learner, commit):
    plain = build_course(course.get_parent(), title="Radio Calls", has_certificate=False)
    plain.lessons = live_lessons(plain)
    with commit():
        enrollment = finish(learner, plain)
    assert enrollment.status == "completed"
    assert not Certificate.objects.exists()


def test_numbers_are_readable_and_hashes_unguessable(course, learner, premium_learner, commit):
    premium = earn_certificate(premium_learner, course, commit)
    night = build_course(course.get_parent(), title="Night Flying", has_certificate=True)
    night.lessons = live_lessons(night)
    other = earn_certificate(learner, night, commit)
    issued = [premium, other]
    numbers = [c.certificate_number for c in issued] + [
        new_certificate_number() for _ in range(300)
    ]
    for number in numbers:
        assert NUMBER.match(number), number
        assert not set(number) & set("ILOU"), number
    assert len(set(numbers)) == len(numbers)
    for certificate in issued:
        assert re.fullmatch(r"[0-9a-f]{64}", certificate.verification_hash)
    assert premium.verification_hash != other.verification_hash


# The public verification page


def test_verification_page_shows_a_valid_certificate_to_anyone(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=DEC_1)
    response = client.get(verify_url(certificate))
    html = response.content.decode()
    assert response.status_code == 200
    for text in ["Pat Premium", "Private Pilot Prep", "1 December 2026", "Valid"]:
        assert text in html
    assert certificate.certificate_number in html
    assert '<meta name="robots" content="noindex">' in html
    assert certificate.enrollment.user.email not in html
    cache_control = response["Cache-Control"]
    assert "public" not in cache_control
    assert "max-age=0" in cache_control
    assert "no-store" in cache_control


def test_dates_are_the_holders_calendar_day(client, certificate, premium_learner):
    """Finished on the evening of 1 December in California: 2 December in UTC."""
    premium_learner.preferences.timezone = "America/Los_Angeles"
    premium_learner.preferences.save()
    late = datetime.datetime(2026, 12, 2, 3, 30, tzinfo=datetime.UTC)
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=late)
    assert "1 December 2026" in client.get(verify_url(certificate)).content.decode()


def test_a_revocation_shows_at_once_with_its_date_not_its_reason(client, certificate):
    assert "Valid" in client.get(verify_url(certificate)).content.decode()
    certificates.revoke_certificate(certificate, "Shared the <b>quiz answers</b>", at=JAN_3)

    html = client.get(verify_url(certificate)).content.decode()
    assert "Revoked on" in html
    assert "3 January 2027" in html
    assert "no longer valid" in html
    assert "quiz answers" not in html
    assert ">Valid<" not in html


@pytest.mark.parametrize(
    "code",
    [
        "0" * 64,  # well formed, unknown
        "A" * 64,  # upper case
        "a" * 63,
        "a" * 65,
        "<script>alert(1)",
        "9" * 5000,
    ],
)
def test_unknown_or_malformed_links_get_a_helpful_404(client, certificate, code):
    response = client.get(reverse("certificate_verify", args=[code]))
    assert response.status_code == 404
    html = response.content.decode()
    assert NOT_FOUND in html
    assert "<script>alert" not in html
    assert "Pat Premium" not in html


def test_a_malformed_link_never_reaches_the_database(client, certificate):
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("certificate_verify", args=["x" * 64]))
    assert not [q for q in queries if "enrollments_certificate" in q["sql"]]


def test_the_verification_page_reads_the_certificate_in_one_query(client, certificate):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(verify_url(certificate)).status_code == 200
    assert len([q for q in queries if "enrollments_certificate" in q["sql"]]) == 1


def test_verification_only_answers_reads(client, certificate):
    refused = client.post(verify_url(certificate))
    assert (refused.status_code, refused["Allow"]) == (405, "GET, HEAD")


# Parallel issuing (PostgreSQL)


@postgres_race
def test_ten_parallel_issuers_create_one_certificate(course, premium_learner):
    enrollment = enroll(premium_learner, course)
    results = in_parallel(10, lambda _: certificates.issue_certificate(enrollment))
    assert len(results) == 10
    assert Certificate.objects.count() == 1
    assert sum(created for _, created in results) == 1
    assert {certificate.pk for certificate, _ in results} == {Certificate.objects.get().pk}
    assert UserActivity.objects.filter(type=ActivityType.CERTIFICATE_ISSUED).count() == 1
