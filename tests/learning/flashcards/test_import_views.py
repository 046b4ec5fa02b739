"""Uploading files, the CSV preview and confirm step, the job page and its JSON."""

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from learning.flashcards.imports.tasks import run_import
from learning.flashcards.models import Deck, Flashcard, ImportJob, ImportStatus

from .apkg_builders import genanki_package, note


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def upload(client, name, data, **fields):
    return client.post("/flashcards/import/", {"file": SimpleUploadedFile(name, data), **fields})


def test_csv_is_previewed_then_imported_on_confirm(signed_in, learner, deck, commit):
    response = upload(signed_in, "cards.csv", b"front,back\nQ1,A1\nQ2,A2\n", deck=deck.pk)
    job = ImportJob.objects.get(user=learner)
    assert response.status_code == 302
    assert response["Location"] == f"/flashcards/imports/{job.pk}/"
    page = signed_in.get(response["Location"]).content.decode()
    assert "2 cards ready" in page
    assert "Q1" in page
    assert not deck.cards.filter(front="Q1").exists()
    with commit():
        signed_in.post(f"/flashcards/imports/{job.pk}/confirm/")
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    assert job.processed == job.total == 2
    assert not job.upload
    assert deck.cards.filter(front__in=["Q1", "Q2"]).count() == 2
    assert "2 new" in signed_in.get(f"/flashcards/imports/{job.pk}/").content.decode()


def test_csv_with_errors_shows_them_and_cannot_be_confirmed(signed_in, learner, commit):
    upload(signed_in, "bad.csv", b"ok,fine\nmissing,\n")
    job = ImportJob.objects.get(user=learner)
    page = signed_in.get(f"/flashcards/imports/{job.pk}/").content.decode()
    assert "Line 2: The back of the card is missing." in page
    with commit():
        response = signed_in.post(f"/flashcards/imports/{job.pk}/confirm/")
    assert response.status_code == 400
    assert Flashcard.objects.count() == 0


def test_apkg_is_imported_in_the_background(signed_in, learner, commit, tmp_path):
    data = genanki_package(tmp_path, [note("Anki Q", "Anki A")], deck_name="From Anki")
    with commit():
        response = upload(signed_in, "deck.apkg", data)
    job = ImportJob.objects.get(user=learner)
    assert job.kind == "apkg"
    assert job.status == ImportStatus.DONE
    assert Deck.objects.get(owner=learner, name="From Anki").cards.get().front == "Anki Q"
    status = signed_in.get(f"/flashcards/imports/{job.pk}/status/").json()
    assert status["status"] == "done"
    assert status["percent"] == 100
    page = signed_in.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' not in page
    assert "Open “From Anki”" in page


def test_task_runs_a_job_once(signed_in, learner, deck, commit):
    upload(signed_in, "cards.csv", b"Once,only\n", deck=deck.pk)
    job = ImportJob.objects.get(user=learner)
    assert run_import(job.pk) == "done"
    assert run_import(job.pk) is None
    assert deck.cards.filter(front="Once").count() == 1


def test_running_job_shows_progress_and_refreshes(signed_in, learner):
    job = ImportJob.objects.create(
        user=learner, kind="apkg", original_name="x.apkg", status="running", total=10, processed=4
    )
    page = signed_in.get(f"/flashcards/imports/{job.pk}/").content.decode()
    assert '<progress id="import-progress" max="10" value="4">' in page
    assert 'http-equiv="refresh"' in page


def test_hostile_apkg_fails_with_a_message_and_no_cards(signed_in, learner, commit):
    with commit():
        upload(signed_in, "evil.apkg", b"PK\x03\x04garbage")
    job = ImportJob.objects.get(user=learner)
    assert job.status == ImportStatus.FAILED
    assert "not a valid zip" in job.message
    assert Flashcard.objects.count() == Deck.objects.count() == 0


def test_upload_stored_under_a_random_name(signed_in, learner):
    upload(signed_in, "../../etc/passwd.csv", b"a,b\n")
    job = ImportJob.objects.get(user=learner)
    assert "passwd" not in job.upload.name
    assert job.upload.name.startswith("flashcard-imports/")


def test_bad_upload_input_is_a_400(signed_in, other_card):
    assert signed_in.post("/flashcards/import/", {}).status_code == 400
    assert upload(signed_in, "e.csv", b"").status_code == 400
    response = upload(signed_in, "x.csv", b"a,b\n", deck=other_card.deck_id)
    assert response.status_code == 400
    assert ImportJob.objects.count() == 0


@pytest.mark.parametrize("suffix", ["", "status/", "confirm/"])
def test_other_learners_jobs_are_not_found(signed_in, other_learner, suffix):
    job = ImportJob.objects.create(user=other_learner, kind="csv", original_name="x.csv")
    url = f"/flashcards/imports/{job.pk}/{suffix}"
    method = signed_in.post if suffix == "confirm/" else signed_in.get
    response = method(url)
    assert response.status_code == 404
    assert "We could not find that import." in response.content.decode()
    job.refresh_from_db()
    assert job.status == ImportStatus.PENDING  # not confirmed by someone else


def stored_uploads():
    """Upload files in private storage (each test has its own MEDIA_ROOT)."""
    from core.storage import private_storage

    try:
        return private_storage().listdir("flashcard-imports")[1]
    except FileNotFoundError:
        return []


def test_a_csv_over_the_importers_limit_is_refused_before_it_is_stored(signed_in):
    """The form used to accept 100 MB; the CSV parser then refused over 2 MB, and the file
    stayed on our disk for a day."""
    too_big = b"front,back\n" + b"q,a\n" * (2 * 1024 * 1024 // 4 + 1)
    response = upload(signed_in, "huge.csv", too_big)
    assert response.status_code == 400
    assert "A CSV file can be at most 2 MB; this one is 2.0 MB." in response.content.decode()
    assert ImportJob.objects.count() == 0
    assert stored_uploads() == []


def test_an_anki_package_may_be_larger_than_a_csv(signed_in, learner, tmp_path):
    data = genanki_package(tmp_path, [note("Q", "A")])
    padded = data + b"\0" * (3 * 1024 * 1024)  # zip readers find the directory at the end
    response = upload(signed_in, "big.apkg", padded)
    assert "can be at most" not in response.content.decode()
    assert ImportJob.objects.filter(user=learner, kind="apkg").count() == 1


def test_a_learner_may_keep_three_uploads_waiting_and_no_more(signed_in, learner):
    for number in range(3):
        assert upload(signed_in, f"c{number}.csv", b"q,a\n").status_code == 302
    response = upload(signed_in, "c4.csv", b"q,a\n")
    assert response.status_code == 400
    assert "You already have 3 imports waiting." in response.content.decode()
    assert ImportJob.objects.filter(user=learner).count() == 3
    assert len(stored_uploads()) == 3


def test_uploads_are_rate_limited_per_learner(signed_in, learner, other_learner, client):
    for _ in range(10):
        upload(signed_in, "c.csv", b"q,a\n")
        ImportJob.objects.filter(user=learner).delete()  # stay under the waiting quota
    response = upload(signed_in, "c.csv", b"q,a\n")
    assert response.status_code == 429
    assert "Please wait an hour" in response.content.decode()
    assert not ImportJob.objects.filter(user=learner).exists()
    client.force_login(other_learner)
    assert upload(client, "c.csv", b"q,a\n").status_code == 302  # limits are per learner
