"""CSV export and import of cards: ``front, back, tags`` per line, header optional.

Imports are previewed first: every line is checked here (missing back, too long,
NUL bytes, not UTF-8) and the learner sees the problems with line numbers before
anything is written. Exports defuse cells a spreadsheet would run as formulas with a
leading apostrophe, which imports take off again, so an export re-imports unchanged.
"""

import csv
import hashlib
import io
from dataclasses import dataclass, field

from core.csv import guard_formula, unguard_formula

from ..models.deck import BACK_MAX_LENGTH, FRONT_MAX_LENGTH
from ..sanitize import card_input_html

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 10_000
MAX_TAGS_LENGTH = 500
HEADER = ("front", "back", "tags")


class CsvRefused(ValueError):
    """The whole file is unusable (too big, not text); the message says why."""


@dataclass
class ImportedCard:
    """One card to write, whatever file it came from."""

    front: str
    back: str
    tags: str = ""
    source_key: str = ""
    deck_name: str = ""
    reviews: list = field(default_factory=list)
    line: int = 0


@dataclass
class ParsedFile:
    cards: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    deck_names: list = field(default_factory=list)
    media: dict = field(default_factory=dict)
    lines_by_key: dict = field(default_factory=dict)


def source_key_for(front_html):
    """Re-importing the same front updates that card instead of adding a copy."""
    digest = hashlib.sha256(" ".join(front_html.split()).encode()).hexdigest()
    return f"csv:{digest[:40]}"


def decode(data):
    if len(data) > MAX_BYTES:
        raise CsvRefused(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CsvRefused(
            f"Line {line} is not UTF-8 text. Save the file as “CSV UTF-8” and try again."
        ) from None


def parse_csv(data):
    """Every line of ``data`` (bytes) as an ImportedCard or an error ``(line, message)``."""
    text = decode(data)
    parsed = ParsedFile()
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            _parse_row(parsed, reader.line_num, row)
            if reader.line_num > MAX_ROWS + 1:
                raise CsvRefused(f"The file has more than {MAX_ROWS:,} lines; split it.")
    except csv.Error as error:
        parsed.errors.append((reader.line_num, f"Not a valid CSV line ({error})."))
    if not parsed.cards and not parsed.errors:
        raise CsvRefused("The file has no cards in it.")
    return parsed


def _parse_row(parsed, line, row):
    row = [unguard_formula(cell) for cell in row]
    if not any(cell.strip() for cell in row):
        return
    if line == 1 and tuple(cell.strip().lower() for cell in row[:3]) in {HEADER, HEADER[:2]}:
        return
    if any("\x00" in cell for cell in row):
        parsed.errors.append((line, "The line contains NUL characters."))
        return
    if len(row) < 2 or not row[1].strip():
        parsed.errors.append((line, "The back of the card is missing."))
        return
    front, back = card_input_html(row[0]), card_input_html(row[1])
    tags = " ".join(row[2].split()) if len(row) > 2 else ""
    if not front:
        parsed.errors.append((line, "The front of the card is missing."))
    elif len(front) > FRONT_MAX_LENGTH:
        parsed.errors.append((line, f"The front is longer than {FRONT_MAX_LENGTH:,} characters."))
    elif len(back) > BACK_MAX_LENGTH:
        parsed.errors.append((line, f"The back is longer than {BACK_MAX_LENGTH:,} characters."))
    elif len(tags) > MAX_TAGS_LENGTH:
        parsed.errors.append((line, f"The tags are longer than {MAX_TAGS_LENGTH} characters."))
    else:
        key = source_key_for(front)
        first = parsed.lines_by_key.setdefault(key, line)
        if first != line:
            parsed.errors.append((line, f"The same front as line {first}; keep one of them."))
            return
        parsed.cards.append(ImportedCard(front, back, tags, key, line=line))


def export_rows(cards):
    """The header, then one row per card (stored HTML, which re-imports unchanged)."""
    yield HEADER
    for card in cards:
        yield (guard_formula(card.front), guard_formula(card.back), guard_formula(card.tags))


class Echo:
    """A file-like object whose write returns the line, for StreamingHttpResponse."""

    def write(self, value):
        return value


def export_lines(cards):
    writer = csv.writer(Echo())
    yield "\ufeff"
    for row in export_rows(cards):
        yield writer.writerow(row)
