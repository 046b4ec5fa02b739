"""Hostile packages that the zip's own sizes do not give away: zstd media that expand
enormously, collections whose queries never end, fields built to make patterns crawl."""

import io
import json
import time
import zipfile

import pytest
import zstandard

from learning.flashcards.imports import apkg
from learning.flashcards.imports import services as importing
from learning.flashcards.models import Deck, Flashcard

from .apkg_builders import as_anki21b, cloze, genanki_package, note, patch_collection, zip_members

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
ENDLESS_NOTES = (
    "CREATE VIEW notes AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
    "SELECT n AS id, 'g' AS guid, 1 AS mid, 'a' AS flds, '' AS tags FROM r"
)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def refused(user, data):
    with pytest.raises(importing.ImportRefused) as error:
        importing.import_data(user, data)
    assert Flashcard.objects.count() == 0
    assert Deck.objects.count() == 0
    return error.value.message


def with_zstd_images(tmp_path, count, image):
    """An .anki21b package whose ``count`` cards each show an image stored as ``image``
    zstd-compressed, the way new Anki versions store media."""
    notes = [note(f'<img src="p{n}.png">Q{n}', "A") for n in range(count)]
    data = as_anki21b(genanki_package(tmp_path, notes))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["media"] = json.dumps({str(n): f"p{n}.png" for n in range(count)}).encode()
    frame = zstandard.ZstdCompressor().compress(image)
    members.update({str(n): frame for n in range(count)})
    return zip_members(members)


def test_zstd_images_that_expand_past_the_total_are_refused(learner, tmp_path):
    """Each tiny frame unpacks to just under 10 MB of "PNG": one at a time they pass."""
    image = PNG_MAGIC + b"\x00" * (apkg.MAX_MEDIA_BYTES - 100)
    count = apkg.MAX_MEDIA_TOTAL_BYTES // len(image) + 1
    data = with_zstd_images(tmp_path, count, image)
    assert len(data) < 100 * 1024
    assert "images add up to more than 100 MB" in refused(learner, data)
    for root in (tmp_path / "media", tmp_path / "media-private"):  # public and private
        assert not root.exists() or not list(root.rglob("*.png"))


def test_too_many_images_are_refused_before_any_is_unpacked(learner, tmp_path, monkeypatch):
    monkeypatch.setattr(apkg, "MAX_IMAGES", 3)
    data = with_zstd_images(tmp_path, 4, PNG_MAGIC + b"\x00" * 100)
    assert "more than 3 images" in refused(learner, data)


def test_zstd_images_under_the_limits_are_imported(learner, tmp_path):
    data = with_zstd_images(tmp_path, 2, PNG_MAGIC + b"\x00" * 100)
    assert importing.import_data(learner, data)["images"] == 2


def test_a_single_zstd_image_over_10_mb_is_named(learner, tmp_path):
    data = with_zstd_images(tmp_path, 1, PNG_MAGIC + b"\x00" * apkg.MAX_MEDIA_BYTES)
    assert "“p0.png” is larger than 10 MB" in refused(learner, data)


def endless_view(tmp_path):
    data = genanki_package(tmp_path, [note("a", "b")])

    def steps(connection):
        connection.execute("DROP TABLE notes")
        connection.execute(ENDLESS_NOTES)

    return patch_collection(tmp_path, data, steps)


def test_notes_as_an_endless_view_is_refused_at_once(learner, tmp_path):
    data = endless_view(tmp_path)
    started = time.monotonic()
    assert "not plain tables" in refused(learner, data)
    assert time.monotonic() - started < 5


def test_a_runaway_query_is_stopped_by_the_step_budget(learner, tmp_path, monkeypatch):
    """The table check aside, the budget alone ends a query that never would."""
    monkeypatch.setattr(apkg, "_check_tables", lambda connection: None)
    data = endless_view(tmp_path)
    started = time.monotonic()
    assert "takes too long to read" in refused(learner, data)
    assert time.monotonic() - started < 30


def test_a_virtual_table_is_not_a_plain_table(learner, tmp_path):
    def steps(connection):
        connection.execute("DROP TABLE revlog")
        connection.execute("CREATE VIRTUAL TABLE revlog USING fts5(id, cid, ease, time, type)")

    data = patch_collection(tmp_path, genanki_package(tmp_path, [note("a", "b")]), steps)
    assert "not plain tables" in refused(learner, data)


def test_normal_packages_stay_well_inside_the_budget(learner, tmp_path, monkeypatch):
    monkeypatch.setattr(apkg, "QUERY_BUDGET", 5_000_000)
    data = genanki_package(tmp_path, [note(f"Q{n}", "A") for n in range(500)])
    assert importing.import_data(learner, data)["created"] == 500


def test_a_huge_cloze_field_is_refused_fast_naming_the_note(learner, tmp_path):
    """5 MB of unclosed "{{c1::" (zstd hides it from the zip's ratio check)."""
    data = genanki_package(tmp_path, [cloze("{{c1::fine}}"), cloze("{{c1::big}}")])
    huge = "Huge note " + "{{c1::" * 800_000 + "\x1f"
    query = "UPDATE notes SET flds = ? WHERE flds LIKE '{{c1::big}}%'"
    data = as_anki21b(patch_collection(tmp_path, data, lambda c: c.execute(query, (huge,))))
    started = time.monotonic()
    message = refused(learner, data)
    assert time.monotonic() - started < 10
    assert "Huge note" in message
    assert "longer than a card can hold" in message


def test_cloze_pattern_is_linear_on_unclosed_markers():
    started = time.monotonic()
    assert apkg.cards_for_note(apkg.CLOZE_TYPE, ["{{c1::" * 200_000, ""], 0) is None
    assert apkg.cards_for_note(apkg.CLOZE_TYPE, ["{{c1::a::" * 100_000, ""], 0) is None
    assert apkg.images_in("<img " * 200_000 + 'src="x') == []
    assert apkg.images_in('<img alt="x" src="a.png">' * 20_000) == ["a.png"] * 20_000
    assert time.monotonic() - started < 5


def test_images_are_found_and_rewritten_in_their_tags():
    html = """<p><img class="x" src="a.png"><IMG SRC='b.gif' alt=b> src="no.png" <img src=c>"""
    assert apkg.images_in(html) == ["a.png", "b.gif", "c"]
    rewritten = importing.rewrite_images(html, {"a.png": "/m/1.png", "c": "/m/2.png"})
    assert rewritten == (
        """<p><img class="x" src="/m/1.png"><IMG SRC='b.gif' alt=b> src="no.png" """
        """<img src="/m/2.png">"""
    )


def test_cloze_hints_and_colons_still_render():
    text = "The {{c1::Vso::stall speed}} and {{c2::a:b}} and {{c1::x::h::i}}"
    front, back = apkg.cards_for_note(apkg.CLOZE_TYPE, [text, "Extra"], 0)
    assert front == (
        'The <span class="cloze">[stall speed]</span> and a:b and <span class="cloze">[h::i]</span>'
    )
    assert back == (
        'The <span class="cloze">Vso</span> and a:b and <span class="cloze">x</span><br>Extra'
    )


HUGE_GENERATED_NOTES = (
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, guid TEXT, mid INTEGER, mod INTEGER, "
    "usn INTEGER, tags TEXT, sfld TEXT, csum INTEGER, flags INTEGER, data TEXT, "
    "flds TEXT GENERATED ALWAYS AS (printf('%.*c', 30000000, 'x')) VIRTUAL)"
)


def generated_notes(tmp_path):
    """A tiny package whose notes compute a 30 MB field each on every read."""
    data = genanki_package(tmp_path, [note("a", "b")])

    def steps(connection):
        connection.execute("DROP TABLE notes")
        connection.execute(HUGE_GENERATED_NOTES)
        connection.execute(
            "INSERT INTO notes (id, guid, mid, tags) SELECT DISTINCT nid, 'g', 1, '' FROM cards"
        )

    return patch_collection(tmp_path, data, steps)


def test_computed_columns_are_refused_before_any_value_is_read(learner, tmp_path):
    data = generated_notes(tmp_path)
    assert len(data) < 20_000
    assert "computed columns" in refused(learner, data)


def test_no_value_may_outgrow_the_length_limit(learner, tmp_path, monkeypatch):
    """The column check aside, SQLite itself will not build a 30 MB value (printf gives
    NULL past the length limit), so the notes come out empty and nothing is imported."""
    monkeypatch.setattr(apkg, "_check_tables", lambda connection: None)
    assert "no cards we can import" in refused(learner, generated_notes(tmp_path))
