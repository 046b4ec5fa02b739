"""Gouge aggregates in Celery: after every moderation change, and nightly for all."""

from celery import shared_task

from snippets.models import Examiner


@shared_task
def recompute_examiner_stats(examiner_id):
    """One examiner's aggregates from their approved reports (idempotent)."""
    from .aggregates import recompute

    return recompute(examiner_id).report_count


@shared_task
def recompute_all_examiner_stats():
    """Every examiner with reports or stats; beat runs it nightly to repair any drift."""

    from .aggregates import recompute

    examiners = Examiner.objects.filter(gouge_reports__isnull=False).distinct()
    with_stats = Examiner.objects.filter(gouge_stats__isnull=False)
    ids = set(examiners.values_list("pk", flat=True)) | set(with_stats.values_list("pk", flat=True))
    for examiner_id in sorted(ids):
        recompute(examiner_id)
    return len(ids)
