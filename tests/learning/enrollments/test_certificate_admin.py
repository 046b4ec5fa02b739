"""Staff find, inspect, export and revoke certificates in the Wagtail admin; nobody can
create, edit or delete one there, and only staff with the change permission revoke.

Modeladmin URL names: "enrollments_certificate_modeladmin_<action>".
"""

import csv
import io

from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from learning.enrollments.certificates import services as certificates
from learning.enrollments.factories import enroll
from learning.enrollments.models import Certificate
from tests.learning.enrollments.certificate_helpers import earn_certificate, pdf_text

pytestmark = pytest.mark.django_db

INDEX = reverse("enrollments_certificate_modeladmin_index")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def url(action, certificate):
    return reverse(f"enrollments_certificate_modeladmin_{action}", args=[certificate.pk])


def staff_with(*codenames):
    """A non-superuser who may use the admin plus the given certificate permissions."""
    group = Group.objects.create(name=f"Registrar {'-'.join(codenames)}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="enrollments", codename__in=codenames),
    )
    user = UserFactory()
    user.groups.add(group)
    return user


@pytest.fixture
def registrar(client):
    user = staff_with("view_certificate", "change_certificate")
    client.force_login(user)
    return user


@pytest.fixture
def certificate(course, premium_learner, commit):
    return earn_certificate(premium_learner, course, commit)


def issue(course, **user_fields):
    """A certificate without its PDF task: enough for listings."""
    enrollment = enroll(UserFactory(**user_fields), course)
    return certificates.issue_certificate(enrollment)[0]


def flashes(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_listing_searches_and_filters(client, registrar, course):
    kit = issue(course, email="kit@example.test", first_name="Kit", last_name="Tailwheel")
    other = issue(course, email="sam@example.test")
    certificates.revoke_certificate(other, "Duplicate account")

    page = client.get(INDEX)
    assert page.status_code == 200
    html = page.content.decode()
    for text in [kit.certificate_number, "Kit Tailwheel", "kit@example.test", course.title]:
        assert text in html
    assert reverse("enrollments_certificate_modeladmin_create") not in html

    assert list(client.get(INDEX, {"q": "tailwheel"}).context["object_list"]) == [kit]
    assert list(client.get(INDEX, {"q": "sam@example"}).context["object_list"]) == [other]
    assert list(client.get(INDEX, {"q": kit.certificate_number}).context["object_list"]) == [kit]
    revoked = client.get(INDEX, {"is_valid__exact": "0"}).context["object_list"]
    assert list(revoked) == [other]


def test_inspect_offers_revoke_only_for_valid_certificates(client, registrar, certificate):
    page = client.get(url("inspect", certificate)).content.decode()
    assert certificate.certificate_number in page
    assert certificate.get_verification_path() in page
    assert url("revoke", certificate) in page
    assert url("edit", certificate) not in page
    assert url("delete", certificate) not in page

    certificates.revoke_certificate(certificate, "Chargeback")
    page = client.get(url("inspect", certificate)).content.decode()
    assert "Revoked" in page
    assert url("revoke", certificate) not in page


def test_certificates_cannot_be_created_edited_or_deleted(client, certificate):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    original = Certificate.objects.values().get()
    for action, target in [
        ("create", reverse("enrollments_certificate_modeladmin_create")),
        ("edit", url("edit", certificate)),
        ("delete", url("delete", certificate)),
    ]:
        response = client.post(target, {"holder_name": "Forged Name", "is_valid": ""})
        assert response.status_code == 302, action
        assert response["Location"] == reverse("wagtailadmin_home"), action
    assert list(Certificate.objects.values()) == [original]


def test_staff_revoke_with_a_reason(client, registrar, certificate, commit):
    form = client.get(url("revoke", certificate))
    html = form.content.decode()
    assert form.status_code == 200
    assert "You are about to revoke certificate" in html
    assert "Pat Premium" in html
    assert 'name="reason"' in html

    with commit():
        response = client.post(url("revoke", certificate), {"reason": "  Shared the exam  "})

    assert response.status_code == 302
    assert response["Location"] == url("inspect", certificate)
    assert any("is revoked" in message for message in flashes(response))
    certificate.refresh_from_db()
    assert not certificate.is_valid
    assert certificate.revocation_reason == "Shared the exam"
    assert certificate.revocation_date is not None
    assert b"(REVOKED)" in pdf_text(certificate.pdf.read())
    verify = client.get(certificate.get_verification_path()).content.decode()
    assert "Revoked on" in verify


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
def test_a_missing_or_huge_reason_is_refused_and_changes_nothing(
    client, registrar, certificate, reason
):
    response = client.post(url("revoke", certificate), {"reason": reason})
    assert response.status_code == 200
    html = response.content.decode()
    assert "The certificate was not revoked" in html
    assert "reason" in response.context["form"].errors
    if reason.strip():
        assert reason in html  # what they typed is kept
    certificate.refresh_from_db()
    assert certificate.is_valid


def test_revoking_twice_says_it_is_already_revoked(client, registrar, certificate):
    certificates.revoke_certificate(certificate, "First time")
    response = client.post(url("revoke", certificate), {"reason": "Second time"})
    assert response.status_code == 302
    assert any("already revoked" in message for message in flashes(response))
    certificate.refresh_from_db()
    assert certificate.revocation_reason == "First time"


def test_an_unknown_certificate_is_a_404(client, registrar):
    response = client.get(reverse("enrollments_certificate_modeladmin_revoke", args=[99999]))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_staff_without_the_change_permission_are_refused(client, certificate):
    client.force_login(staff_with("view_certificate"))
    assert client.get(url("inspect", certificate)).status_code == 200
    assert (
        url("revoke", certificate) not in client.get(url("inspect", certificate)).content.decode()
    )

    for method in ("get", "post"):
        response = getattr(client, method)(url("revoke", certificate), {"reason": "Because"})
        assert response.status_code == 403
        assert "You can't revoke certificates" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.is_valid


def test_a_learner_without_admin_access_is_refused(client, certificate, premium_learner):
    client.force_login(premium_learner)
    response = client.post(url("revoke", certificate), {"reason": "I changed my mind"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert client.get(INDEX).status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_valid


def test_csv_export_has_the_rows(client, registrar, course):
    kit = issue(course, email="kit@example.test", first_name="=HYPERLINK(x)", last_name="")
    other = issue(course, email="sam@example.test")
    certificates.revoke_certificate(other, "Duplicate account")

    response = client.get(INDEX, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_number = {row["Certificate Number"]: row for row in rows}
    assert set(by_number) == {kit.certificate_number, other.certificate_number}
    assert by_number[kit.certificate_number]["Email"] == "kit@example.test"
    assert by_number[kit.certificate_number]["Holder Name"] == "'=HYPERLINK(x)"
    assert by_number[kit.certificate_number]["Is Valid"] == "True"
    assert by_number[other.certificate_number]["Is Valid"] == "False"
    assert by_number[other.certificate_number]["Revocation Reason"] == "Duplicate account"
    assert by_number[kit.certificate_number]["Verification Link"].endswith(
        kit.get_verification_path()
    )

    xlsx = client.get(INDEX, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert b"".join(xlsx.streaming_content).startswith(b"PK")


def listing_queries(client, course, count):
    for _ in range(count):
        issue(course)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(INDEX)
    assert len(response.context["object_list"]) == count
    Certificate.objects.all().delete()
    return len(queries)


def test_listing_query_count_does_not_grow_with_rows(client, registrar, course):
    assert listing_queries(client, course, 2) == listing_queries(client, course, 12)
