"""The holder's certificate PDF: theirs alone to download, rendered once per state by
an idempotent task, and made again with a REVOKED mark when the certificate is revoked."""

import datetime

from django.core.files.storage import default_storage
from django.urls import reverse

import pytest

from config.celery import app as celery_app
from learning.enrollments.certificates import services as certificates
from learning.enrollments.certificates.pdf import render_certificate, store_certificate_pdf
from learning.enrollments.models import Certificate
from tests.learning.enrollments.certificate_helpers import (
    earn_certificate,
    pdf_string,
    pdf_text,
    stored_files,
)

pytestmark = pytest.mark.django_db

DEC_1 = datetime.datetime(2026, 12, 1, 15, 0, tzinfo=datetime.UTC)
JAN_3 = datetime.datetime(2027, 1, 3, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def certificate(course, premium_learner, commit):
    return earn_certificate(premium_learner, course, commit)


@pytest.fixture
def busy_worker():
    """Tasks go to an in-memory broker that no worker reads, as in production while the
    workers are busy."""
    saved = {key: celery_app.conf[key] for key in ("task_always_eager", "broker_url")}
    celery_app.conf.update(task_always_eager=False, broker_url="memory://")
    celery_app._after_fork()
    yield
    celery_app.conf.update(saved)
    celery_app._after_fork()


def pdf_url(certificate):
    return reverse("certificate_pdf", args=[certificate.certificate_number])


def downloaded(response):
    return b"".join(response.streaming_content)


def test_the_holder_downloads_their_pdf(client, certificate, premium_learner):
    client.force_login(premium_learner)
    response = client.get(pdf_url(certificate))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="groundschool-certificate-{certificate.certificate_number}.pdf"'
    )
    assert "private" in response["Cache-Control"]
    data = downloaded(response)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert pdf_string(certificate.certificate_number) in text
    assert pdf_string("Pat Premium") in text
    assert b"REVOKED" not in text


def test_render_shows_what_the_certificate_says(certificate, settings):
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=DEC_1)
    certificate.refresh_from_db()
    data = render_certificate(certificate, compress=False, invariant=True)
    assert data.startswith(b"%PDF")
    assert data == render_certificate(certificate, compress=False, invariant=True)
    for text in [
        certificate.certificate_number,
        "Pat Premium",
        "Private Pilot Prep",
        "Certificate of Completion",
        "1 December 2026",
        settings.SITE_URL + "/certificates/verify/",
        certificate.verification_hash + "/",
    ]:
        assert pdf_string(text) in data, text
    assert b"REVOKED" not in data


def test_long_names_and_titles_still_render(certificate):
    certificate.holder_name = "Maximilian " * 16
    certificate.course_title = "Instrument (IFR) checkride \\ oral prep " * 7
    data = render_certificate(certificate, compress=False, invariant=True)
    assert data.startswith(b"%PDF")
    assert b"Maximilian" in data


def test_other_learners_and_guests_cannot_download(client, certificate, other_learner):
    url = pdf_url(certificate)
    guest = client.get(url)
    assert guest.status_code == 302
    assert guest["Location"] == f"{reverse('account_login')}?next={url}"

    client.force_login(other_learner)
    response = client.get(url)
    assert response.status_code == 404
    assert b"%PDF" not in response.content
    for number in ["GS-2026-0000-0000", "<b>x", "9" * 3000]:
        assert client.get(reverse("certificate_pdf", args=[number])).status_code == 404


def test_a_stale_pdf_is_rendered_before_it_is_served(client, certificate, premium_learner, commit):
    Certificate.objects.filter(pk=certificate.pk).update(pdf_state="")
    client.force_login(premium_learner)
    # The render is queued (core.outbox) and runs once the request's transaction
    # commits: at once in production, after the response under the test's transaction.
    with commit():
        assert client.get(pdf_url(certificate)).status_code == 202  # never the stale file
    response = client.get(pdf_url(certificate))
    assert response.status_code == 200
    assert downloaded(response).startswith(b"%PDF")
    certificate.refresh_from_db()
    assert certificate.pdf_is_current
    assert stored_files() == [certificate.pdf.name.split("/")[-1]]


def test_a_missing_file_is_made_again(client, certificate, premium_learner, commit):
    default_storage.delete(certificate.pdf.name)
    client.force_login(premium_learner)
    with commit():
        assert client.get(pdf_url(certificate)).status_code == 202
    response = client.get(pdf_url(certificate))
    assert response.status_code == 200
    assert downloaded(response).startswith(b"%PDF")


def test_while_a_worker_renders_the_holder_is_asked_to_try_again(
    client, certificate, premium_learner, busy_worker
):
    Certificate.objects.filter(pk=certificate.pk).update(pdf_state="")
    client.force_login(premium_learner)
    response = client.get(pdf_url(certificate))
    assert response.status_code == 202
    html = response.content.decode()
    assert "Your certificate is being prepared" in html
    assert 'http-equiv="refresh"' not in html  # no surprise reloads for screen readers
    assert f'href="{pdf_url(certificate)}">Download my certificate' in html
    assert "no-store" in response["Cache-Control"]

    store_certificate_pdf(certificate.pk)  # what the worker does
    ready = client.get(pdf_url(certificate))
    assert ready.status_code == 200
    assert downloaded(ready).startswith(b"%PDF")


# The render task


def test_rendering_twice_keeps_the_one_file(certificate):
    name, content = certificate.pdf.name, default_storage.open(certificate.pdf.name).read()
    assert store_certificate_pdf(certificate.pk) is False
    certificate.refresh_from_db()
    assert certificate.pdf.name == name
    assert default_storage.open(name).read() == content
    assert stored_files() == [name.split("/")[-1]]


def test_an_unknown_certificate_id_is_ignored():
    assert store_certificate_pdf(987654) is False


def test_revoking_makes_a_new_pdf_with_the_mark(certificate, commit):
    old_name, old_state = certificate.pdf.name, certificate.pdf_state
    with commit():
        certificates.revoke_certificate(certificate, "Identity fraud", at=JAN_3)
    certificate.refresh_from_db()
    assert certificate.pdf_state != old_state
    assert certificate.pdf_is_current
    assert certificate.pdf.name != old_name
    assert not default_storage.exists(old_name)
    text = pdf_text(default_storage.open(certificate.pdf.name).read())
    assert b"(REVOKED)" in text
    assert pdf_string("REVOKED on 3 January 2027") in text
    assert b"Identity fraud" not in text
