"""Corrupt and hostile Anki packages: a clear message and nothing written."""

import io
import os
import zipfile
from pathlib import Path

import pytest

from core.storage import private_media_root
from learning.flashcards.imports import apkg
from learning.flashcards.imports import services as importing
from learning.flashcards.models import Deck, Flashcard

from .apkg_builders import PNG, genanki_package, note, patch_collection, zip_members


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def refused(user, data):
    with pytest.raises(importing.ImportRefused) as error:
        importing.import_data(user, data)
    assert Flashcard.objects.count() == 0
    assert Deck.objects.count() == 0
    return error.value.message


def test_random_bytes_after_zip_magic(learner):
    assert "not a valid zip" in refused(learner, b"PK\x03\x04" + os.urandom(2000))


def test_truncated_package(learner, tmp_path):
    data = genanki_package(tmp_path, [note("a", "b")])
    message = refused(learner, data[: len(data) // 2])
    assert "zip" in message


def test_zip_without_a_collection(learner):
    assert "no Anki collection" in refused(learner, zip_members({"hello.txt": b"hi"}))


def test_corrupt_sqlite(learner):
    data = zip_members({"collection.anki2": b"SQLite format 3\x00" + os.urandom(4000)})
    assert "damaged" in refused(learner, data)


def test_zip_bomb_is_refused_before_it_is_unpacked(learner):
    """300 MB of zeros compresses to about 300 KB; the sizes in the zip give it away."""
    chunk = b"\x00" * (1024 * 1024)
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("collection.anki2", "w", force_zip64=True) as member,
    ):
        for _ in range(300):
            member.write(chunk)
    assert len(buffer.getvalue()) < 2 * 1024 * 1024
    message = refused(learner, buffer.getvalue())
    assert "200 MB" in message or "zip bomb" in message


def test_dense_member_is_refused_as_a_zip_bomb(learner):
    data = zip_members({"collection.anki2": b"\x00" * (20 * 1024 * 1024)})
    assert "zip bomb" in refused(learner, data)


def test_traversal_media_names_are_ignored_and_nothing_is_written_outside(
    learner, tmp_path, settings
):
    data = genanki_package(tmp_path, [note('<img src="pic.png">Front', "Back")])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["media"] = b'{"0": "../../evil.png", "1": "/etc/evil.png", "2": "a\\u0000.png"}'
    members["0"] = members["1"] = members["2"] = members["../../escape.png"] = PNG
    importing.import_data(learner, zip_members(members))
    assert Flashcard.objects.get().front == "Front"
    assert not (tmp_path.parent / "evil.png").exists()
    assert not (tmp_path.parent / "escape.png").exists()
    assert not list(tmp_path.rglob("*evil*"))
    assert not settings.MEDIA_ROOT.exists() or not list(settings.MEDIA_ROOT.rglob("*.png"))
    private = Path(private_media_root())
    assert not private.exists() or not list(private.rglob("*.png"))


def test_image_with_a_traversal_name_in_the_card_is_not_imported(learner, tmp_path):
    data = genanki_package(tmp_path, [note('<img src="x.png">Front', "Back")], {"x.png": PNG})
    data = patch_collection(
        tmp_path,
        data,
        lambda c: c.execute("UPDATE notes SET flds = ?", ('<img src="../../x.png">Front\x1fBack',)),
    )
    summary = importing.import_data(learner, data)
    assert summary["images"] == 0
    assert Flashcard.objects.get().front == "Front"


def test_huge_field_is_refused_naming_the_note(learner, tmp_path):
    data = genanki_package(tmp_path, [note("Fine", "ok"), note("Big one", "x" * 9_000)])
    message = refused(learner, data)
    assert "Big one" in message


def test_too_many_notes(learner, tmp_path, monkeypatch):
    monkeypatch.setattr(apkg, "MAX_NOTES", 2)
    data = genanki_package(tmp_path, [note(f"n{i}", "b") for i in range(3)])
    assert "more than 2 notes" in refused(learner, data)


def test_failure_after_images_were_saved_removes_them(learner, tmp_path, settings):
    data = genanki_package(
        tmp_path,
        [note('<img src="a.png">ok', "b"), note("Big", "x" * 9_000)],
        {"a.png": PNG},
    )
    refused(learner, data)
    stored = list((Path(private_media_root()) / "flashcards").rglob("*.png"))
    assert stored == []


def test_newest_anki_format_is_refused_clearly(learner, tmp_path):
    data = genanki_package(tmp_path, [note("a", "b")])
    data = patch_collection(tmp_path, data, lambda c: c.execute("UPDATE col SET models = '{}'"))
    assert "newest collection format" in refused(learner, data)


def test_damaged_bytes_anywhere_never_crash(learner, tmp_path):
    """Flip bytes all over a real package: each import succeeds or is refused clearly."""
    data = bytearray(genanki_package(tmp_path, [note("a", "b"), note("c", "d")]))
    for offset in range(0, len(data), max(1, len(data) // 40)):
        damaged = bytes(data[:offset]) + bytes([data[offset] ^ 0xFF]) + bytes(data[offset + 1 :])
        message = "imported"
        try:
            importing.import_data(learner, damaged)
        except importing.ImportRefused as error:
            message = error.message
        assert message
        Flashcard.objects.all().delete()
        Deck.objects.all().delete()


def test_wrong_column_types_are_refused(learner, tmp_path):
    data = genanki_package(tmp_path, [note("a", "b")])
    data = patch_collection(tmp_path, data, lambda c: c.execute("UPDATE cards SET ord = 'x'"))
    assert "damaged" in refused(learner, data)
