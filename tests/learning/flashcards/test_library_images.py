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
    with assert_signed_in_queries(9):
        assert signed_in.get(f"/flashcards/decks/{deck.pk}/").status_code == 200


def test_instructors_and_marketers_never_see_learners_card_pictures(signed_in, deck, client):
    """Staff groups hold media rights on "Site media" only: a learner's private card
    picture stays out of their admin image library, while their own uploads show."""
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from accounts.factories import UserFactory
    from accounts.roles import instructors_group
    from learning.courses.factories import make_catalog
    from learning.courses.permissions import grant_course_editing
    from pages.collections import SITE_MEDIA, child_collection
    from pages.permissions import marketers_group

    signed_in.post(f"/flashcards/decks/{deck.pk}/cards/new/", card_post(image=picture()))
    private = deck.cards.get(front="Which sign?").image
    grant_course_editing(instructors_group(), make_catalog())
    staff_image = get_image_model().objects.create(
        title="Runway diagram", file=picture("diagram.png"), collection=child_collection(SITE_MEDIA)
    )
    for group in (instructors_group(), marketers_group(Page.objects.get(depth=2))):
        staff = UserFactory()
        staff.groups.add(group)
        client.force_login(staff)
        listing = client.get("/admin/images/").content.decode()
        assert f"/admin/images/{staff_image.pk}/" in listing, group.name
        assert f"/admin/images/{private.pk}/" not in listing, group.name
        refused = client.get(f"/admin/images/{private.pk}/")
        assert (refused.status_code, refused["Location"]) == (302, "/admin/"), group.name
        home = client.get(refused["Location"]).content.decode()
        assert "Sorry, you do not have permission to access this area." in home, group.name
