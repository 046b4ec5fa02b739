"""Celery tasks for uploads: run an ImportJob in the background (eagerly in tests) and
clean up uploads nobody will use again.

The tasks keep the names they had as learning.flashcards.import_tasks: the beat schedule,
queued broker messages and the task outbox's rows refer to them by name. The app's
tasks.py imports this module so that Celery's autodiscovery registers them."""

from datetime import timedelta

from django.utils import timezone

from celery import shared_task

from core.outbox.models import TaskIntent

STALE_AFTER = timedelta(hours=24)
RUNNING_GIVE_UP = timedelta(hours=6)  # the progress TTL in imports/services.py


@shared_task(name="learning.flashcards.import_tasks.run_import")
def run_import(job_id):
    """Idempotent: only a pending job is claimed, so a retried task does nothing."""
    from .services import run_job

    job = run_job(job_id)
    return job.status if job else None


def queued_job_ids():
    """Jobs whose run waits in the task outbox, unfinished (one query)."""

    waiting = TaskIntent.objects.filter(task_name=run_import.name, done_at__isnull=True)
    return {args[0] for args in waiting.values_list("args", flat=True) if args}


@shared_task(name="learning.flashcards.import_tasks.delete_stale_imports")
def delete_stale_imports():
    """Hourly: a CSV preview never confirmed keeps a learner's file on our disk, so
    pending jobs older than a day go (row and upload); finished jobs lose any upload
    left behind (a failed delete at the end of the job). Idempotent.

    A pending job is deleted only while still pending, so one confirmed at this very
    moment is claimed by the import and skipped here, or deleted before it is claimed
    (the import then finds nothing to run). A job whose run waits in the task outbox
    (the broker or the workers were down for a day) is not stale: it runs when they are
    back."""
    from ..models import ImportJob, ImportStatus

    cutoff = timezone.now() - STALE_AFTER
    deleted = 0
    stale = ImportJob.objects.filter(status=ImportStatus.PENDING, created_at__lt=cutoff).exclude(
        pk__in=queued_job_ids()
    )
    for job in stale.only("pk", "upload").iterator():
        if ImportJob.objects.filter(pk=job.pk, status=ImportStatus.PENDING).delete()[0]:
            deleted += 1
            if job.upload:
                job.upload.delete(save=False)
    # A worker that died mid-import leaves its job "running": after the progress TTL
    # nothing can still be working on it, so the learner is told it failed.
    abandoned = ImportJob.objects.filter(
        status=ImportStatus.RUNNING, created_at__lt=timezone.now() - RUNNING_GIVE_UP
    )
    failed = abandoned.update(
        status=ImportStatus.FAILED,
        message="The import stopped before it finished; nothing was imported. Try again.",
        finished_at=timezone.now(),
    )
    finished = ImportJob.objects.filter(status__in=[ImportStatus.DONE, ImportStatus.FAILED])
    cleared = 0
    for job in finished.exclude(upload="").only("pk", "upload").iterator():
        job.upload.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(upload="")
        cleared += 1
    return {"deleted": deleted, "cleared": cleared, "failed": failed}
