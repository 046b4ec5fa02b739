"""``manage.py import_deck``: CSV or .apkg by content, counts printed, clear errors."""

from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from learning.flashcards.models import Deck, Flashcard

from .apkg_builders import genanki_package, note


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def run(*args):
    out = StringIO()
    call_command("import_deck", *args, stdout=out)
    return out.getvalue()


def test_csv_file_into_a_named_deck(learner, tmp_path):
    path = tmp_path / "cards.txt"
    path.write_bytes(b"Q1,A1\nQ2,A2,tag\n")
    output = run(str(path), "--user", learner.email.upper(), "--deck", "Regs")
    assert "Imported 2 new cards, updated 0" in output
    assert Deck.objects.get(owner=learner, name="Regs").cards.count() == 2
    assert "updated 2" in run(str(path), "--user", learner.email, "--deck", "Regs")


def test_apkg_chosen_by_content_whatever_the_name(learner, tmp_path):
    path = tmp_path / "cards.csv"
    path.write_bytes(genanki_package(tmp_path, [note("A", "B")], deck_name="Anki"))
    assert "Imported 1 new cards" in run(str(path), "--user", learner.email)
    assert Deck.objects.get(owner=learner).name == "Anki"


def test_unknown_user_and_bad_files(learner, tmp_path):
    good = tmp_path / "c.csv"
    good.write_bytes(b"a,b\n")
    with pytest.raises(CommandError, match=r"No user with the email nobody@x\.test"):
        run(str(good), "--user", "nobody@x.test")
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "missing.csv"), "--user", learner.email)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"ok,fine\nno back\n")
    with pytest.raises(CommandError, match="line 2: The back of the card is missing"):
        run(str(bad), "--user", learner.email)
    bomb = tmp_path / "x.apkg"
    bomb.write_bytes(b"PK\x03\x04nonsense")
    with pytest.raises(CommandError, match="not a valid zip"):
        run(str(bomb), "--user", learner.email)
    assert Flashcard.objects.count() == 0
