"""CSV parsing (preview), import and export."""

import pytest

from learning.flashcards.imports import csv_io
from learning.flashcards.imports import services as importing
from learning.flashcards.models import Deck, Flashcard


def test_header_is_optional_and_bom_is_accepted():
    with_header = "\ufefffront,back,tags\nQ1,A1,wx\n".encode()
    without = b"Q1,A1,wx\n"
    for data in (with_header, without):
        parsed = csv_io.parse_csv(data)
        assert [(c.front, c.back, c.tags) for c in parsed.cards] == [("Q1", "A1", "wx")]
        assert parsed.errors == []


def test_per_line_errors_name_the_line():
    data = "front,back\nok,fine\nno back,\n" + "x" * 4_001 + ",long\n" + "nul\x00,b\n"
    parsed = csv_io.parse_csv(data.encode())
    assert [c.front for c in parsed.cards] == ["ok"]
    assert parsed.errors == [
        (3, "The back of the card is missing."),
        (4, "The front is longer than 4,000 characters."),
        (5, "The line contains NUL characters."),
    ]


def test_duplicate_fronts_are_reported():
    parsed = csv_io.parse_csv(b"Q,A\nOther,B\nQ,C\n")
    assert parsed.errors == [(3, "The same front as line 1; keep one of them.")]


def test_ten_thousand_rows_parse_quickly():
    data = "".join(f"Question {n},Answer {n},t{n % 7}\n" for n in range(10_000)).encode()
    parsed = csv_io.parse_csv(data)
    assert len(parsed.cards) == 10_000
    assert parsed.errors == []


def test_not_utf8_is_refused_with_its_line():
    with pytest.raises(csv_io.CsvRefused, match="Line 2 is not UTF-8"):
        csv_io.parse_csv(b"a,b\n\xff\xfe,c\n")


def test_too_big_and_too_many_rows(monkeypatch):
    with pytest.raises(csv_io.CsvRefused, match="larger than 2 MB"):
        csv_io.parse_csv(b"a,b\n" * (600 * 1024))
    monkeypatch.setattr(csv_io, "MAX_ROWS", 3)
    with pytest.raises(csv_io.CsvRefused, match="more than 3 lines"):
        csv_io.parse_csv(b"a,b\n" * 10)


def test_plain_text_is_escaped_and_markup_is_cleaned():
    parsed = csv_io.parse_csv(b'"1 < 2\nand 3",<b onclick=x>bold</b><script>x</script>\n')
    card = parsed.cards[0]
    assert card.front == "1 &lt; 2<br>and 3"
    assert card.back == "<b>bold</b>"


def test_import_then_reimport_updates_by_front(learner, deck):
    importing.write(learner, csv_io.parse_csv(b"New Q,First\n"), deck=deck)
    summary = importing.write(learner, csv_io.parse_csv(b"New Q,Second,tag\n"), deck=deck)
    assert (summary["created"], summary["updated"]) == (0, 1)
    card = deck.cards.get(front="New Q")
    assert (card.back, card.tags) == ("Second", "tag")


def test_file_with_errors_writes_nothing(learner, deck):
    before = Flashcard.objects.count()
    with pytest.raises(importing.ImportRefused):
        importing.write(learner, csv_io.parse_csv(b"ok,fine\nbad,\n"), deck=deck)
    assert Flashcard.objects.count() == before


def test_export_defuses_formulas_and_round_trips(learner, deck):
    card = deck.cards.first()
    card.front, card.tags = "=HYPERLINK(1)", "@x"
    card.save()
    text = "".join(csv_io.export_lines(deck.cards.order_by("position")))
    assert text.startswith("\ufefffront,back,tags\r\n")
    assert "'=HYPERLINK(1),Back 0,'@x" in text
    reparsed = csv_io.parse_csv(text.encode())
    assert len(reparsed.cards) == deck.cards.count()


def test_an_export_re_imports_unchanged_without_duplicates(learner):
    """The apostrophe that defuses a formula is taken off again on import, so the
    source keys match and the cards are updated, not copied."""
    deck = Deck.objects.create(owner=learner, name="Round trip")
    cells = [("=SUM(1)", "+1 knot", "@tag"), ("-5 °C", "Cold", ""), ("'=quoted", "'plain", "")]
    for position, (front, back, tags) in enumerate(cells):
        key = csv_io.source_key_for(front)
        deck.cards.create(front=front, back=back, tags=tags, source_key=key, position=position)
    text = "".join(csv_io.export_lines(deck.cards.order_by("position")))
    assert "'=SUM(1),'+1 knot,'@tag" in text
    assert "''=quoted,'plain" in text
    summary = importing.write(learner, csv_io.parse_csv(text.encode()), deck=deck)
    assert (summary["created"], summary["updated"]) == (0, 3)
    assert sorted(deck.cards.values_list("front", "back", "tags")) == sorted(cells)


def test_a_spreadsheet_guard_is_taken_off_only_before_a_formula_sign():
    parsed = csv_io.parse_csv(b"'=1+1,'-x\n'Tis,it's\n")
    assert [(c.front, c.back) for c in parsed.cards] == [("=1+1", "-x"), ("'Tis", "it's")]


def test_cards_made_on_the_site_round_trip_without_copies_or_double_escaping(learner):
    """A learner's own cards (no import key) exported, edited and imported again are
    updated in place, and "&" stays one ampersand."""
    deck = Deck.objects.create(owner=learner, name="Mine")
    deck.cards.create(front="VFR fuel by day", back="30 minutes", position=1)
    deck.cards.create(front="A &amp; B", back="x &lt; y", position=2)
    text = "".join(csv_io.export_lines(deck.cards.order_by("position")))
    edited = text.replace("30 minutes", "30 minutes at normal cruise")
    summary = importing.write(learner, csv_io.parse_csv(edited.encode()), deck=deck)
    assert (summary["created"], summary["updated"]) == (0, 2)
    assert sorted(deck.cards.values_list("front", "back")) == [
        ("A &amp; B", "x &lt; y"),
        ("VFR fuel by day", "30 minutes at normal cruise"),
    ]
