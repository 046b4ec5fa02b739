"""An import whose run waits for the broker or a worker says it is queued, instead of
a bar stuck at 0%, and runs once the worker is back (core.outbox)."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import pytest

from config.celery import app as celery_app
from core.models import TaskIntent
from core.outbox import relay
from learning.flashcards.models import ImportJob, ImportStatus
from tests.core.brokers import broker_at, dead_broker, memory_broker  # noqa: F401  (fixtures)

from .apkg_builders import genanki_package, note

RUN_IMPORT = "learning.flashcards.import_tasks.run_import"
QUEUED_NOTE = "will start when the background worker is back"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def upload(client, name, data, **fields):
    return client.post("/flashcards/import/", {"file": SimpleUploadedFile(name, data), **fields})


def job_page(client, job):
    return client.get(f"/flashcards/imports/{job.pk}/").content.decode()


def job_status(client, job):
    return client.get(f"/flashcards/imports/{job.pk}/status/").json()


@pytest.mark.usefixtures("dead_broker")
def test_an_anki_upload_while_the_broker_is_down_is_queued_then_imported(
    signed_in, learner, commit, tmp_path
):
    data = genanki_package(tmp_path, [note("Anki Q", "Anki A")], deck_name="From Anki")
    with commit():
        response = upload(signed_in, "deck.apkg", data)
    assert response.status_code == 302  # not a 500 after the job and file were saved
    job = ImportJob.objects.get(user=learner)
    assert job.status == ImportStatus.PENDING
    intent = TaskIntent.objects.get(task_name=RUN_IMPORT)
    assert intent.args == [job.pk]
    assert intent.published_at is None

    page = job_page(signed_in, job)
    assert '<span data-import-label role="status">Queued</span>' in page
    assert QUEUED_NOTE in page
    assert 'value="0"' not in page  # an indeterminate bar, not one stuck at 0%
    assert 'http-equiv="refresh"' in page  # without JS the page keeps looking
    status = job_status(signed_in, job)
    assert (status["queued"], status["label"], status["finished"]) == (True, "Queued", False)

    celery_app.conf.task_always_eager = True  # the worker is back (restored afterwards)
    relay(unpublished=True)
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    status = job_status(signed_in, job)
    assert (status["queued"], status["label"], status["finished"]) == (False, "Imported", True)
    assert QUEUED_NOTE not in job_page(signed_in, job)


@pytest.mark.usefixtures("dead_broker")
def test_a_confirmed_csv_waiting_for_the_worker_is_not_offered_again(signed_in, learner, commit):
    upload(signed_in, "cards.csv", b"front,back\nQ1,A1\n")
    job = ImportJob.objects.get(user=learner)
    confirm = f"/flashcards/imports/{job.pk}/confirm/"
    assert confirm in job_page(signed_in, job)
    with commit():
        response = signed_in.post(confirm)
    assert response.status_code == 302
    page = job_page(signed_in, job)
    assert QUEUED_NOTE in page
    assert confirm not in page  # no second confirm button, no preview
    assert job_status(signed_in, job)["queued"] is True


@pytest.mark.usefixtures("memory_broker")  # published fine; no worker reads it
def test_a_run_handed_to_a_worker_shows_progress_until_nobody_takes_it(
    signed_in, learner, commit, tmp_path
):
    data = genanki_package(tmp_path, [note("Anki Q", "Anki A")], deck_name="From Anki")
    with commit():
        upload(signed_in, "deck.apkg", data)
    job = ImportJob.objects.get(user=learner)
    page = job_page(signed_in, job)
    assert '<span data-import-label role="status">Waiting</span>' in page
    assert 'value="0"' in page
    assert job_status(signed_in, job)["queued"] is False

    a_minute_ago = timezone.now() - datetime.timedelta(minutes=1)
    TaskIntent.objects.filter(task_name=RUN_IMPORT).update(published_at=a_minute_ago)
    assert QUEUED_NOTE in job_page(signed_in, job)
    assert job_status(signed_in, job)["queued"] is True
