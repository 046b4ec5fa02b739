"""Pictures on cards: uploaded through the card form, stored as Wagtail images."""

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from .apkg_builders import PNG
from .conftest import make_deck


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def card_post(**extra):
    return {"front": "Which sign?", "back": "Hold short", "difficulty": "2", **extra}


def picture(name="My Sign.png", data=PNG):
    return SimpleUploadedFile(name, data, content_type="image/png")


def test_picture_is_stored_under_a_random_name_and_shown(signed_in, deck):
    signed_in.post(f"/flashcards/decks/{deck.pk}/cards/new/", card_post(image=picture()))
    card = deck.cards.get(front="Which sign?")
    assert card.image is not None
    assert "sign" not in card.image.file.name.lower()
    page = signed_in.get(f"/flashcards/decks/{deck.pk}/").content.decode()
    assert 'alt="Picture on this card"' in page


def test_not_an_image_is_refused(signed_in, deck):
    upload = picture("x.png", b"<script>alert(1)</script>")
    response = signed_in.post(f"/flashcards/decks/{deck.pk}/cards/new/", card_post(image=upload))
    assert response.status_code == 400
    assert not deck.cards.filter(front="Which sign?").exists()


def test_picture_can_be_removed(signed_in, deck):
    signed_in.post(f"/flashcards/decks/{deck.pk}/cards/new/", card_post(image=picture()))
    card = deck.cards.get(front="Which sign?")
    signed_in.post(f"/flashcards/cards/{card.pk}/edit/", card_post(remove_image="on"))
    card.refresh_from_db()
    assert card.image is None


@pytest.mark.parametrize("count", [5, 30])
def test_deck_page_with_pictures_keeps_its_query_count(
    signed_in, learner, assert_signed_in_queries, count
):
    deck = make_deck(learner, cards=count)
    signed_in.post(f"/flashcards/decks/{deck.pk}/cards/new/", card_post(image=picture()))
    image = deck.cards.get(front="Which sign?").image
    deck.cards.update(image=image)
    signed_in.get(f"/flashcards/decks/{deck.pk}/")
    with assert_signed_in_queries(11):
        assert signed_in.get(f"/flashcards/decks/{deck.pk}/").status_code == 200
