"""The progress bar of a running import moves while its transaction is still open."""

from django.core.cache import cache

from learning.flashcards.imports.services import parse, work_units, write
from learning.flashcards.models import ImportJob, ImportStatus
from learning.flashcards.models.imports import progress_key


def test_write_reports_progress_up_to_every_card(learner):
    rows = "".join(f"Q{n},A{n}\n" for n in range(120)).encode()
    parsed = parse(rows, "csv")
    seen = []
    write(learner, parsed, deck_name="Progress", progress=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == work_units(parsed) == 120


def test_status_shows_progress_the_worker_reported(signed_in, learner):
    job = ImportJob.objects.create(
        user=learner, kind="apkg", original_name="big.apkg", status=ImportStatus.RUNNING, total=200
    )
    cache.set(progress_key(job.pk), 50)
    status = signed_in.get(f"/flashcards/imports/{job.pk}/status/").json()
    assert (status["processed"], status["percent"]) == (50, 25)
    page = signed_in.get(f"/flashcards/imports/{job.pk}/").content.decode()
    assert 'value="50"' in page
