"""Reader for Anki packages (.apkg): our own code, no Anki needed.

A package is a zip holding a SQLite collection (``collection.anki21b`` compressed with
zstd, or plain ``collection.anki21`` / ``collection.anki2``), a ``media`` map (legacy
JSON, or zstd-compressed protobuf in new packages) and media files named "0", "1" ...
Everything here treats the file as hostile: sizes are checked before anything is
decompressed, nothing is extracted under a name from the package, SQLite is opened
read-only (plain tables only, with a budget of steps), and counts, field lengths
and decompressed media are capped.
"""

import io
import json
import os
import re
import sqlite3
import tempfile
import zipfile
import zlib
from datetime import UTC, datetime
from html import escape, unescape

import zstandard

from ..models.deck import BACK_MAX_LENGTH, FRONT_MAX_LENGTH
from ..sanitize import card_text
from .csv_io import ImportedCard, ParsedFile

MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_COLLECTION_BYTES = 50 * 1024 * 1024
MAX_MEDIA_BYTES = 10 * 1024 * 1024
# zstd media in .anki21b packages hide their real size from the zip's directory.
MAX_MEDIA_TOTAL_BYTES = 100 * 1024 * 1024
MAX_IMAGES = 5_000
MAX_RATIO = 200
MAX_MEMBERS = 10_000
MAX_NOTES = 20_000
MAX_REVIEWS = 200_000
MAX_CARDS = 50_000
# Checked before any pattern runs on a note, so none ever sees megabytes of hostile text.
MAX_NOTE_FIELDS_LENGTH = 2 * (FRONT_MAX_LENGTH + BACK_MAX_LENGTH)
# SQLite steps for all our queries: 7x sorting a million cards, about 2 s of work.
QUERY_BUDGET = 100_000_000
QUERY_CHECK_EVERY = 100_000
TABLES = ("col", "notes", "cards", "revlog")
COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
)
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
# Bounded possessive quantifiers that stop at "::" or "}": linear in the text, never
# quadratic; an <img> tag is taken whole, then its src is found inside it.
CLOZE = re.compile(
    r"\{\{c(\d{1,3})::((?:(?!::|\}\}).){0,8000}+)(?:::([^}]{0,500}+))?\}\}", re.DOTALL
)
IMG_TAG = re.compile(r"<img\b[^>]{0,2000}+", re.IGNORECASE)
SRC = re.compile(r"""(\bsrc\s*=\s*)(["']?)([^"'\s>]{1,1000}+)\2""", re.IGNORECASE)
CLOZE_TYPE = 1
SOUND = re.compile(r"\[sound:[^\]]{0,1000}\]")


class ApkgRefused(ValueError):
    """The package cannot be imported; the message tells the learner why."""


def image_kind(data):
    for magic, kind in IMAGE_MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def _check_sizes(archive):
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ApkgRefused("The package holds too many files.")
    if sum(member.file_size for member in members) > MAX_TOTAL_BYTES:
        raise ApkgRefused("The package is larger than 200 MB once unpacked.")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > MAX_RATIO:
            raise ApkgRefused("The package looks like a zip bomb (a file compresses too well).")


def _read(archive, name, limit):
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limit:
        raise ApkgRefused(f"“{name[:60]}” in the package is too large.")
    with archive.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise ApkgRefused(f"“{name[:60]}” in the package is too large.")
    return data


def _unzstd(data, limit, too_large="The package's collection is larger than 50 MB."):
    if not data.startswith(ZSTD_MAGIC):
        return data
    try:
        with zstandard.ZstdDecompressor().stream_reader(data) as reader:
            out = b""
            while len(out) <= limit and (chunk := reader.read(limit + 1 - len(out))):
                out += chunk
    except zstandard.ZstdError:
        raise ApkgRefused("The package is damaged (bad compression).") from None
    if len(out) > limit:
        raise ApkgRefused(too_large)
    return out


def read_package(data):
    """A ParsedFile with the package's cards (and their review history) and images."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ApkgRefused("This is not an Anki package (.apkg): it is not a valid zip.") from None
    try:
        with archive:
            _check_sizes(archive)
            name = next((n for n in COLLECTIONS if n in archive.NameToInfo), None)
            if name is None:
                raise ApkgRefused("This zip has no Anki collection in it.")
            collection = _unzstd(_read(archive, name, MAX_COLLECTION_BYTES), MAX_COLLECTION_BYTES)
            parsed = _read_collection(collection)
            _attach_media(archive, parsed, zstd=name.endswith("b"))
    except (zipfile.BadZipFile, EOFError, zlib.error):
        raise ApkgRefused("The package is damaged (truncated or corrupt zip).") from None
    return parsed


def _read_collection(collection):
    handle, path = tempfile.mkstemp(suffix=".sqlite")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(collection)
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        # No value the package computes (a generated column, say) may outgrow this.
        connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
        budget = _QueryBudget(connection)
        try:
            connection.execute("PRAGMA trusted_schema = OFF")
            _check_tables(connection)
            return _collection_cards(connection)
        except ApkgRefused:
            raise
        except (sqlite3.Error, TypeError, ValueError, AttributeError, OverflowError):
            # Wrong column types or missing tables: a damaged or hand-made collection.
            message = "The package's collection is damaged (not a readable database)."
            if budget.spent:
                message = "The package's collection takes too long to read; it looks hostile."
            raise ApkgRefused(message) from None
        finally:
            connection.close()
    finally:
        os.unlink(path)


MAX_VALUE_BYTES = 8 * 1024 * 1024


class _QueryBudget:
    """Aborts the running query once the collection's queries took QUERY_BUDGET SQLite
    steps (say, a crafted view built never to end); ``spent`` tells that from damage."""

    def __init__(self, connection):
        self.steps, self.spent = 0, False
        connection.set_progress_handler(self.step, QUERY_CHECK_EVERY)

    def step(self):
        self.steps += QUERY_CHECK_EVERY
        self.spent = self.steps > QUERY_BUDGET
        return self.spent


def _check_tables(connection):
    """col, notes, cards and revlog must be plain tables: a view (say, an endless
    recursive CTE) or a virtual table would run code of the package's choosing."""
    query = (
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE TABLE %' "
        "AND name IN (?, ?, ?, ?)"
    )
    if {row[0] for row in connection.execute(query, TABLES)} != set(TABLES):
        raise ApkgRefused("The package's collection is damaged (its tables are not plain tables).")
    for table in TABLES:
        # hidden 2 and 3 are generated columns: values the package computes on read.
        columns = connection.execute(f"PRAGMA table_xinfo({table})").fetchall()
        if any(column[6] in (2, 3) for column in columns):
            raise ApkgRefused("The package's collection is damaged (computed columns).")


def _json(text, what):
    try:
        value = json.loads(text or "{}")
    except (ValueError, TypeError):
        value = None
    if not isinstance(value, dict):
        raise ApkgRefused(f"The package's {what} are damaged.")
    return value


def _models_and_decks(connection):
    """Note types ``{id: {"type": 0|1, "name"}}`` and deck names ``{id: name}``."""
    models_json, decks_json = connection.execute("SELECT models, decks FROM col").fetchone()
    models, decks = _json(models_json, "note types"), _json(decks_json, "decks")
    if not models:
        raise ApkgRefused(
            "This package uses Anki's newest collection format, which we cannot read yet. "
            "In Anki, export with “Support older Anki versions” ticked and try again."
        )
    types = {str(k): int(v.get("type", 0)) for k, v in models.items() if isinstance(v, dict)}
    names = {str(k): str(v.get("name", ""))[:120] for k, v in decks.items() if isinstance(v, dict)}
    return types, names


def _collection_cards(connection):
    types, deck_names = _models_and_decks(connection)
    if connection.execute("SELECT COUNT(*) FROM notes").fetchone()[0] > MAX_NOTES:
        raise ApkgRefused(f"The package has more than {MAX_NOTES:,} notes; split it.")
    if connection.execute("SELECT COUNT(*) FROM cards").fetchone()[0] > MAX_CARDS:
        raise ApkgRefused(f"The package has more than {MAX_CARDS:,} cards; split it.")
    notes = {
        nid: (guid, str(mid), flds, tags)
        for nid, guid, mid, flds, tags in connection.execute(
            "SELECT id, guid, mid, flds, tags FROM notes"
        )
    }
    reviews = _reviews(connection)
    parsed = ParsedFile()
    used_decks = []
    rows = connection.execute("SELECT id, nid, did, ord FROM cards ORDER BY nid, ord")
    for card_id, nid, did, ordinal in rows:
        note = notes.get(nid)
        if note is None:
            continue
        guid, mid, flds, tags = note
        flds = str(flds or "")
        if len(flds) > MAX_NOTE_FIELDS_LENGTH:
            label = card_text(flds[:200].replace("\x1f", " "))[:40]
            raise ApkgRefused(f"A note (“{label}”) is longer than a card can hold; shorten it.")
        sides = cards_for_note(types.get(mid, 0), flds.split("\x1f"), int(ordinal))
        if sides is None:
            continue
        deck_name = deck_names.get(str(did), "") or "Anki import"
        if deck_name not in used_decks:
            used_decks.append(deck_name)
        key, history = f"anki:{str(guid)[:80]}:{int(ordinal)}", reviews.get(card_id, [])
        tags = " ".join(str(tags or "").split())
        parsed.cards.append(ImportedCard(*sides, tags, key, deck_name, history, line=nid))
    parsed.deck_names = used_decks
    if not parsed.cards:
        raise ApkgRefused("The package has no cards we can import (basic or cloze notes).")
    return parsed


def _reviews(connection):
    """Review history per Anki card id: [(ease 1-4, aware datetime, duration ms)].
    Entries without a rating (manual reschedules, ease 0) are skipped."""
    reviews = {}
    query = "SELECT id, cid, ease, time, type FROM revlog ORDER BY id LIMIT ?"
    for log_id, card_id, ease, duration, kind in connection.execute(query, (MAX_REVIEWS,)):
        if ease not in (1, 2, 3, 4) or kind == 4:
            continue
        try:
            moment = datetime.fromtimestamp(int(log_id) / 1000, UTC)
        except (OverflowError, OSError, ValueError):
            continue
        duration = min(max(int(duration or 0), 0), 3_600_000)
        reviews.setdefault(card_id, []).append((int(ease), moment, duration))
    return reviews


def _media_map(archive, zstd):
    raw = _read(archive, "media", MAX_COLLECTION_BYTES)
    if raw is None:
        return {}
    raw = _unzstd(raw, MAX_COLLECTION_BYTES) if zstd else raw
    if raw[:1] in (b"{", b"[") or not raw:
        mapping = _json(raw.decode("utf-8", "replace") if raw else "{}", "media list")
        return {str(v): str(k) for k, v in mapping.items()}
    try:
        names = media_entries(raw)
    except ValueError:
        raise ApkgRefused("The package's media list is damaged.") from None
    return {name: str(index) for index, name in enumerate(names)}


def _attach_media(archive, parsed, zstd):
    """Only images the cards show, and only real png/jpg/gif/webp, are kept. Media names
    are never used as paths; unsafe ones ("../x", "/etc", NUL) are ignored."""
    wanted = {name for card in parsed.cards for name in images_in(card.front + card.back)}
    if not wanted:
        return
    mapping = _media_map(archive, zstd)
    members = [(n, mapping[n]) for n in sorted(wanted) if n in mapping and is_safe_media_name(n)]
    if len(members) > MAX_IMAGES:
        raise ApkgRefused(f"The package's cards show more than {MAX_IMAGES:,} images; split it.")
    unpacked = 0
    for name, member in members:
        data = _read(archive, member, MAX_MEDIA_BYTES)
        if data is None:
            continue
        if zstd:
            data = _unzstd(data, MAX_MEDIA_BYTES, f"The image “{name[:60]}” is larger than 10 MB.")
        unpacked += len(data)
        if unpacked > MAX_MEDIA_TOTAL_BYTES:
            limit = MAX_MEDIA_TOTAL_BYTES // (1024 * 1024)
            raise ApkgRefused(f"The package's images add up to more than {limit} MB; split it.")
        kind = image_kind(data)
        if kind:
            parsed.media[name] = (kind, data)


def _render_cloze(text, number, reveal):
    def replace(match):
        if int(match.group(1)) != number:
            return match.group(2)
        if reveal:
            return f'<span class="cloze">{match.group(2)}</span>'
        hint = match.group(3)
        return f'<span class="cloze">[{escape(unescape(hint)) if hint else "..."}]</span>'

    return CLOZE.sub(replace, text)


def cards_for_note(model_type, fields, ordinal):
    """(front HTML, back HTML) of card ``ordinal`` of a note, or None if we cannot show it.

    Basic notes: the first two fields (the reversed card of "Basic (and reversed)" swaps
    them). Cloze notes: card n hides cloze n+1 as [...] (or [hint]) on the front and
    shows it highlighted on the back, followed by the second field (Extra). Sound
    references ([sound:x.mp3]) are dropped: we play no audio.
    """
    fields = [SOUND.sub("", field) for field in fields]
    if model_type == CLOZE_TYPE:
        text = fields[0] if fields else ""
        number = ordinal + 1
        if not any(int(m.group(1)) == number for m in CLOZE.finditer(text)):
            return None
        back = _render_cloze(text, number, reveal=True)
        extra = fields[1].strip() if len(fields) > 1 else ""
        return _render_cloze(text, number, reveal=False), back + (f"<br>{extra}" if extra else "")
    if len(fields) < 2:
        return None
    front, back = (fields[1], fields[0]) if ordinal == 1 else (fields[0], fields[1])
    if ordinal > 1 or not front.strip():
        return None
    return front, back


def images_in(html):
    sources = (SRC.search(tag.group()) for tag in IMG_TAG.finditer(html))
    return [unescape(src.group(3)) for src in sources if src]


def is_safe_media_name(name):
    return bool(name) and not (
        "/" in name or "\\" in name or "\x00" in name or ".." in name or ":" in name
    )


def _varint(data, pos):
    value = shift = 0
    while True:
        if pos >= len(data) or shift > 63:
            raise ValueError("bad varint")
        byte, pos = data[pos], pos + 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def _fields(data):
    """(field number, wire type, value) of a protobuf message; bytes for length-delimited."""
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 2:
            length, pos = _varint(data, pos)
            value, pos = data[pos : pos + length], pos + length
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
            value, pos = data[pos : pos + size], pos + size
        else:
            raise ValueError("unsupported wire type")
        yield number, wire, value


def media_entries(data):
    """Names in a new-format ``media`` file (MediaEntries: repeated MediaEntry entries = 1,
    each with name = 1); ValueError if damaged. The n-th entry is stored in the zip as "n"."""
    names = []
    for number, wire, value in _fields(data):
        if number == 1 and wire == 2:
            name = next((v for n, w, v in _fields(value) if n == 1 and w == 2), b"")
            names.append(name.decode("utf-8", "replace"))
    return names
