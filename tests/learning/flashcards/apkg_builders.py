"""Real Anki packages for the import tests, written by genanki (a third-party writer).

genanki writes no review history and only the legacy format, so ``build_apkg`` can patch
revlog rows into the collection and re-pack it as zstd ``collection.anki21b`` itself.
"""

import base64
import io
import sqlite3
import zipfile

import genanki
import zstandard

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
DECK_ID = 2_059_400_110


def note(front, back, tags=(), model=None):
    return genanki.Note(model=model or genanki.BASIC_MODEL, fields=[front, back], tags=list(tags))


def cloze(text, extra=""):
    return genanki.Note(model=genanki.CLOZE_MODEL, fields=[text, extra])


def genanki_package(tmp_path, notes, media=None, deck_name="Imported Anki deck"):
    """The bytes genanki writes for ``notes``; ``media`` is {file name: bytes}."""
    deck = genanki.Deck(DECK_ID, deck_name)
    for item in notes:
        deck.add_note(item)
    paths = []
    for name, data in (media or {}).items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(str(path))
    target = tmp_path / "deck.apkg"
    genanki.Package(deck, media_files=paths).write_to_file(str(target))
    return target.read_bytes()


def _members(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zip_members(members, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def patch_collection(tmp_path, data, sql_steps):
    """Run ``sql_steps(connection)`` on the package's collection.anki2 and re-zip it."""
    members = _members(data)
    path = tmp_path / "collection.sqlite"
    path.write_bytes(members["collection.anki2"])
    connection = sqlite3.connect(path)
    sql_steps(connection)
    connection.commit()
    connection.close()
    members["collection.anki2"] = path.read_bytes()
    return zip_members(members)


def add_revlog(tmp_path, data, reviews):
    """Add review rows: ``reviews`` = [(note front, ease, unix ms, duration ms)]; the card
    is the first card of the note whose first field is ``front``."""

    def steps(connection):
        for front, ease, moment_ms, duration in reviews:
            card_id = connection.execute(
                "SELECT cards.id FROM cards JOIN notes ON notes.id = cards.nid "
                "WHERE notes.flds LIKE ? ORDER BY cards.ord LIMIT 1",
                (front + "\x1f%",),
            ).fetchone()[0]
            connection.execute(
                "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                "VALUES (?, ?, -1, ?, 1, 0, 2500, ?, 1)",
                (moment_ms, card_id, ease, duration),
            )

    return patch_collection(tmp_path, data, steps)


def as_anki21b(data):
    """The same package with its collection zstd-compressed as collection.anki21b (and a
    placeholder collection.anki2, as newer Anki versions write)."""
    members = _members(data)
    members["collection.anki21b"] = zstandard.ZstdCompressor().compress(members["collection.anki2"])
    members["collection.anki2"] = b"not the real collection"
    return zip_members(members)
