"""The hourly clean-up: unconfirmed CSV uploads do not stay on our disk forever."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

import pytest

from learning.flashcards.imports.tasks import delete_stale_imports, run_import
from learning.flashcards.models import ImportJob, ImportStatus


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def job(user, status=ImportStatus.PENDING, hours_ago=0, kind="csv"):
    item = ImportJob.objects.create(user=user, kind=kind, original_name="x.csv", status=status)
    item.upload.save(f"{item.pk}.{kind}", ContentFile(b"front,back\nQ,A\n"), save=True)
    created = timezone.now() - datetime.timedelta(hours=hours_ago)
    ImportJob.objects.filter(pk=item.pk).update(created_at=created)
    return item


def upload_exists(item):
    return item.upload.storage.exists(item.upload.name)


def test_unconfirmed_jobs_older_than_a_day_go_with_their_file(learner):
    stale, fresh = job(learner, hours_ago=25), job(learner, hours_ago=23)
    assert delete_stale_imports() == {"deleted": 1, "cleared": 0, "failed": 0}
    assert not ImportJob.objects.filter(pk=stale.pk).exists()
    assert not upload_exists(stale)
    assert upload_exists(fresh)
    assert ImportJob.objects.get(pk=fresh.pk).upload


def test_finished_jobs_lose_a_leftover_upload_but_keep_their_record(learner):
    done = job(learner, ImportStatus.DONE, hours_ago=1)
    failed = job(learner, ImportStatus.FAILED, hours_ago=48)
    running = job(learner, ImportStatus.RUNNING, hours_ago=1)
    assert delete_stale_imports() == {"deleted": 0, "cleared": 2, "failed": 0}
    for item in (done, failed):
        assert not upload_exists(item)
        assert ImportJob.objects.get(pk=item.pk).upload.name == ""
    assert upload_exists(running)
    assert delete_stale_imports() == {"deleted": 0, "cleared": 0, "failed": 0}


def test_a_job_deleted_as_stale_can_no_longer_be_run(learner):
    stale = job(learner, hours_ago=30)
    delete_stale_imports()
    assert run_import(stale.pk) is None


def test_a_job_left_running_by_a_dead_worker_is_failed_and_loses_its_upload(learner):
    dead = job(learner, status=ImportStatus.RUNNING, hours_ago=7)
    alive = job(learner, status=ImportStatus.RUNNING, hours_ago=1)
    assert delete_stale_imports() == {"deleted": 0, "cleared": 1, "failed": 1}
    dead.refresh_from_db()
    assert dead.status == ImportStatus.FAILED
    assert "stopped before it finished" in dead.message
    assert not dead.upload
    alive.refresh_from_db()
    assert alive.status == ImportStatus.RUNNING
    assert upload_exists(alive)


def test_a_confirmed_job_still_waiting_for_the_worker_after_a_day_is_kept(learner):
    """The broker or the workers were down for a day: the learner confirmed, so the
    import must run when they are back, not vanish with its file."""
    from core.outbox.models import TaskIntent

    waiting = job(learner, hours_ago=30)
    TaskIntent.objects.create(task_name=run_import.name, args=[waiting.pk], kwargs={})
    assert delete_stale_imports()["deleted"] == 0
    assert upload_exists(ImportJob.objects.get(pk=waiting.pk))
