"""Anki packages written by genanki, imported through the shared import service."""

import datetime
from pathlib import Path

from django.conf import settings

import genanki
import pytest

from core.storage import private_media_root
from learning.flashcards.imports import services as importing
from learning.flashcards.models import CardState, CardStateKind, Deck, Flashcard, ReviewLog

from .apkg_builders import DECK_ID, PNG, add_revlog, as_anki21b, cloze, genanki_package, note


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def import_bytes(user, data, **kwargs):
    return importing.import_data(user, data, **kwargs)


def test_basic_notes_with_tags_become_cards_in_the_anki_deck(learner, tmp_path):
    data = genanki_package(
        tmp_path,
        [note("What is V<sub>Y</sub>?", "Best rate of climb", tags=["vspeeds", "ppl"])],
        deck_name="V-speeds",
    )
    summary = import_bytes(learner, data)
    deck = Deck.objects.get(owner=learner, name="V-speeds")
    card = deck.cards.get()
    assert card.front == "What is V<sub>Y</sub>?"
    assert card.back == "Best rate of climb"
    assert card.tags == "vspeeds ppl"
    assert summary["created"] == 1
    assert CardState.objects.get(user=learner, card=card).state == CardStateKind.NEW


def test_reversed_model_gives_two_cards(learner, tmp_path):
    model = genanki.BASIC_AND_REVERSED_CARD_MODEL
    data = genanki_package(tmp_path, [note("Class B ceiling", "10,000 ft MSL", model=model)])
    import_bytes(learner, data)
    sides = set(Flashcard.objects.values_list("front", "back"))
    assert sides == {("Class B ceiling", "10,000 ft MSL"), ("10,000 ft MSL", "Class B ceiling")}


def test_cloze_note_gives_one_card_per_cloze_with_hint(learner, tmp_path):
    text = "Class {{c1::C}} airspace tops at {{c2::4,000 ft AGL::height}}."
    import_bytes(learner, genanki_package(tmp_path, [cloze(text, "Usually.")]))
    cards = list(Flashcard.objects.order_by("source_key"))
    assert len(cards) == 2
    first, second = sorted(cards, key=lambda c: c.source_key)
    assert first.front == 'Class <span class="cloze">[...]</span> airspace tops at 4,000 ft AGL.'
    assert first.back == (
        'Class <span class="cloze">C</span> airspace tops at 4,000 ft AGL.<br>Usually.'
    )
    assert '<span class="cloze">[height]</span>' in second.front
    assert "Class C airspace" in second.front


def test_media_image_is_stored_and_the_card_points_at_it(learner, tmp_path):
    data = genanki_package(
        tmp_path, [note('Which sign? <img src="sign.png">', "Hold short")], {"sign.png": PNG}
    )
    summary = import_bytes(learner, data)
    card = Flashcard.objects.get()
    assert summary["images"] == 1
    prefix = "/flashcards/media/"  # the card image view, never a public media URL
    assert f'<img src="{prefix}' in card.front
    stored = card.front.split('src="')[1].split('"')[0][len(prefix) :]
    assert (Path(private_media_root()) / "flashcards" / stored).read_bytes() == PNG
    assert not list(settings.MEDIA_ROOT.rglob("*.png"))
    assert "sign.png" not in card.front


def test_media_that_is_not_an_image_is_dropped(learner, tmp_path):
    data = genanki_package(
        tmp_path, [note('See <img src="x.png">', "back")], {"x.png": b"<script>alert(1)"}
    )
    summary = import_bytes(learner, data)
    assert summary["images"] == 0
    assert "<img" not in Flashcard.objects.get().front


def test_review_history_seeds_the_state_and_logs(learner, tmp_path):
    data = genanki_package(tmp_path, [note("Front A", "Back A"), note("Front B", "Back B")])
    start = int(datetime.datetime(2026, 5, 1, 12, tzinfo=datetime.UTC).timestamp() * 1000)
    day = 86_400_000
    data = add_revlog(
        tmp_path, data, [("Front A", 3, start, 4000), ("Front A", 3, start + 2 * day, 3000)]
    )
    summary = import_bytes(learner, data)
    card_a = Flashcard.objects.get(front="Front A")
    state = CardState.objects.get(user=learner, card=card_a)
    assert summary["reviews"] == 2
    assert state.reps == 2
    assert state.state == CardStateKind.REVIEW
    logs = list(ReviewLog.objects.filter(user=learner, card=card_a))
    assert [log.imported for log in logs] == [True, True]
    assert logs[0].duration_ms == 4000
    other = CardState.objects.get(user=learner, card__front="Front B")
    assert other.state == CardStateKind.NEW


def test_zstd_anki21b_collection_is_read(learner, tmp_path):
    data = as_anki21b(genanki_package(tmp_path, [note("Zstd front", "Zstd back")]))
    import_bytes(learner, data)
    assert Flashcard.objects.get().front == "Zstd front"


def test_reimport_updates_instead_of_duplicating(learner, tmp_path):
    first = genanki_package(tmp_path, [genanki.Note(genanki.BASIC_MODEL, ["Q", "A"], guid="g1")])
    import_bytes(learner, first)
    again = genanki_package(tmp_path, [genanki.Note(genanki.BASIC_MODEL, ["Q", "A2"], guid="g1")])
    summary = import_bytes(learner, again)
    assert summary == {**summary, "created": 0, "updated": 1}
    assert list(Flashcard.objects.values_list("back", flat=True)) == ["A2"]
    assert Deck.objects.count() == 1


def test_import_into_a_chosen_deck(learner, deck, tmp_path):
    before = deck.cards.count()
    import_bytes(learner, genanki_package(tmp_path, [note("Into", "Existing")]), deck=deck)
    assert deck.cards.count() == before + 1
    assert Deck.objects.filter(owner=learner).count() == 1


def test_sound_references_are_dropped(learner, tmp_path):
    import_bytes(learner, genanki_package(tmp_path, [note("Say it[sound:a.mp3]", "Yes")]))
    assert Flashcard.objects.get().front == "Say it"


def test_script_in_a_field_is_removed(learner, tmp_path):
    data = genanki_package(tmp_path, [note("Hi<script>alert(1)</script>", "<b onclick=x>B</b>")])
    import_bytes(learner, data)
    card = Flashcard.objects.get()
    assert (card.front, card.back) == ("Hi", "<b>B</b>")


def _protobuf_media(names):
    """MediaEntries {repeated MediaEntry entries = 1 {string name = 1}} by hand."""
    out = b""
    for name in names:
        entry = b"\x0a" + bytes([len(name)]) + name.encode()
        out += b"\x0a" + bytes([len(entry)]) + entry
    return out


def test_new_format_protobuf_media_list_with_zstd_media(learner, tmp_path):
    import io
    import zipfile

    import zstandard

    from .apkg_builders import zip_members

    data = as_anki21b(
        genanki_package(tmp_path, [note('<img src="p.png">Pic', "Back")], {"p.png": PNG})
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    compress = zstandard.ZstdCompressor().compress
    members["media"] = compress(_protobuf_media(["p.png"]))
    members["0"] = compress(PNG)
    summary = import_bytes(learner, zip_members(members))
    assert summary["images"] == 1
    assert 'src="/flashcards/media/' in Flashcard.objects.get().front


def test_one_packages_decks_share_a_folder_but_not_their_images(
    learner, other_learner, client, tmp_path
):
    """A package with two Anki decks stores their images in one folder: making one deck
    public must not open the other deck's images to its viewers (the names are 0.png,
    1.png ..., so one visible name gives away the rest)."""
    public, private = genanki.Deck(DECK_ID, "Signs"), genanki.Deck(DECK_ID + 1, "Diary")
    public.add_note(note('Which sign? <img src="sign.png">', "Hold short"))
    private.add_note(note('My logbook <img src="log.png">', "Private"))
    paths = []
    for name in ("sign.png", "log.png"):
        (tmp_path / name).write_bytes(PNG)
        paths.append(str(tmp_path / name))
    target = tmp_path / "two.apkg"
    genanki.Package([public, private], media_files=paths).write_to_file(str(target))
    import_bytes(learner, target.read_bytes())

    signs = Deck.objects.get(owner=learner, name="Signs")
    Deck.objects.filter(pk=signs.pk).update(is_public=True)
    shown = signs.cards.get().front.split('src="')[1].split('"')[0]
    hidden = Flashcard.objects.get(deck__name="Diary").front.split('src="')[1].split('"')[0]
    assert shown.rsplit("/", 1)[0] == hidden.rsplit("/", 1)[0]  # one folder

    client.force_login(other_learner)
    assert client.get(shown).status_code == 200
    assert client.get(hidden).status_code == 404
    client.force_login(learner)
    assert client.get(hidden).status_code == 200
