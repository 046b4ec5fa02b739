"""The deck library, deck pages and card editing, as a learner uses them."""

import pytest

from accounts.factories import UserFactory
from learning.acs.models import AcsArea, AcsElement, AcsStandard, AcsTask
from learning.courses.factories import make_catalog, make_course
from learning.enrollments.factories import enroll
from learning.flashcards.factories import DeckFactory, FlashcardFactory
from learning.flashcards.models import CardState, Deck, DeckStudy, Flashcard

from .conftest import make_deck


@pytest.fixture
def official_deck(db):
    course = make_course(make_catalog(), title="Private Pilot Prep", publish=True)
    deck = DeckFactory(owner=None, course=course, name="Private Pilot Essentials")
    FlashcardFactory.create_batch(3, deck=deck)
    return deck


def card_data(**overrides):
    data = {"front": "What is VX?", "back": "Best angle", "tags": "vspeeds", "difficulty": "2"}
    return {**data, **overrides}


def test_library_lists_own_course_and_public_decks(signed_in, learner, deck, official_deck):
    enroll(learner, official_deck.course)
    public = DeckFactory(name="Shared weather", is_public=True)
    private = DeckFactory(name="Someone's secret")
    html = signed_in.get("/flashcards/decks/").content.decode()
    assert deck.name in html
    assert "Private Pilot Essentials" in html
    assert public.name in html
    assert private.name not in html


def test_guest_is_sent_to_login_and_unverified_learner_is_refused(db, client):
    guest = client.get("/flashcards/decks/")
    assert (guest.status_code, guest["Location"]) == (
        302,
        "/accounts/login/?next=/flashcards/decks/",
    )
    client.force_login(UserFactory(verified=False))
    refused = client.get("/flashcards/decks/")
    assert refused.status_code == 403
    assert "Confirm your email address to use flashcards." in refused.content.decode()


def test_create_deck_and_add_card_with_sanitized_html(signed_in, learner):
    response = signed_in.post("/flashcards/decks/new/", {"name": "  My  deck "})
    new = Deck.objects.get(owner=learner, name="My deck")
    assert response.status_code == 302
    data = {**card_data(), "front": "<b>VX</b><script>x()</script><i onclick=y>?</i>"}
    response = signed_in.post(f"/flashcards/decks/{new.pk}/cards/new/", data)
    assert response.status_code == 302
    card = new.cards.get()
    assert card.front == "<b>VX</b><i>?</i>"
    assert CardState.objects.filter(user=learner, card=card).exists()


def test_new_card_reaches_every_student_of_the_deck(signed_in, learner, deck, other_learner):
    DeckStudy.objects.create(user=other_learner, deck=deck)
    signed_in.post(f"/flashcards/decks/{deck.pk}/cards/new/", card_data())
    card = deck.cards.get(front="What is VX?")
    assert set(card.states.values_list("user_id", flat=True)) == {learner.pk, other_learner.pk}


def test_card_form_rejects_unknown_acs_codes_clearly(signed_in, deck):
    data = {**card_data(), "acs_elements": "PA.IX.Z.K9"}
    response = signed_in.post(f"/flashcards/decks/{deck.pk}/cards/new/", data)
    assert response.status_code == 400
    assert "No current ACS element has the code PA.IX.Z.K9" in response.content.decode()
    assert not deck.cards.filter(front="What is VX?").exists()


def test_card_form_links_acs_elements(signed_in, deck):
    standard = AcsStandard.objects.create(code="PA", title="Private", slug="pa")
    area = AcsArea.objects.create(standard=standard, numeral="I", title="Preflight", order=1)
    task = AcsTask.objects.create(area=area, letter="E", code="PA.I.E", title="Airspace", order=1)
    element = AcsElement.objects.create(task=task, code="PA.I.E.K1", kind="K", text="Classes")
    data = {**card_data(), "acs_elements": "pa.i.e.k1"}
    signed_in.post(f"/flashcards/decks/{deck.pk}/cards/new/", data)
    assert list(deck.cards.get(front="What is VX?").acs_elements.all()) == [element]


def test_bad_input_is_a_400_not_a_500(signed_in, deck):
    url = f"/flashcards/decks/{deck.pk}/cards/new/"
    assert signed_in.post(url, {"front": "x"}).status_code == 400
    assert signed_in.post(url, {**card_data(), "difficulty": "99"}).status_code == 400
    assert signed_in.post(url, {**card_data(), "front": "x" * 5000}).status_code == 400
    response = signed_in.post(url, {**card_data(), "front": "<script></script>"})
    assert response.status_code == 400
    assert "needs text on both sides" in response.content.decode()
    assert signed_in.post(url, {**card_data(), "front": "<" * 3_000}).status_code == 400
    assert signed_in.get(f"/flashcards/decks/{deck.pk}/?page=abc&q=%00x").status_code == 200


def test_plain_text_keeps_line_breaks(signed_in, deck):
    data = card_data(front="Line one\r\nLine 2 < 3")
    signed_in.post(f"/flashcards/decks/{deck.pk}/cards/new/", data)
    assert deck.cards.filter(front="Line one<br>Line 2 &lt; 3").exists()


def test_edit_and_delete_card(signed_in, deck):
    card = deck.cards.first()
    response = signed_in.post(f"/flashcards/cards/{card.pk}/edit/", {**card_data(), "back": "B2"})
    assert response.status_code == 302
    card.refresh_from_db()
    assert card.back == "B2"
    assert signed_in.get(f"/flashcards/cards/{card.pk}/delete/").status_code == 200
    assert Flashcard.objects.filter(pk=card.pk).exists()
    signed_in.post(f"/flashcards/cards/{card.pk}/delete/")
    assert not Flashcard.objects.filter(pk=card.pk).exists()


def test_delete_deck_confirms_first(signed_in, deck):
    page = signed_in.get(f"/flashcards/decks/{deck.pk}/delete/")
    assert "cannot be undone" in page.content.decode()
    assert Deck.objects.filter(pk=deck.pk).exists()
    signed_in.post(f"/flashcards/decks/{deck.pk}/delete/")
    assert not Deck.objects.filter(pk=deck.pk).exists()


@pytest.mark.parametrize(
    "url",
    [
        "/flashcards/decks/{deck}/",
        "/flashcards/decks/{deck}/edit/",
        "/flashcards/decks/{deck}/delete/",
        "/flashcards/decks/{deck}/export.csv",
        "/flashcards/cards/{card}/edit/",
        "/flashcards/cards/{card}/delete/",
    ],
)
def test_other_learners_private_deck_and_cards_are_not_found(signed_in, other_card, url):
    target = url.format(deck=other_card.deck_id, card=other_card.pk)
    page = signed_in.get(target)
    assert page.status_code == 404
    missing = "card" if "/cards/" in url else "deck"
    assert f"We could not find that {missing}." in page.content.decode()
    posted = signed_in.post(target, card_data())
    # The deck page and its CSV export only read (405 to a POST); the rest look it up.
    read_only = url in ("/flashcards/decks/{deck}/", "/flashcards/decks/{deck}/export.csv")
    assert posted.status_code == (405 if read_only else 404)
    other_card.refresh_from_db()
    assert other_card.front != "What is VX?"
    assert Deck.objects.filter(pk=other_card.deck_id).exists()


def test_card_create_in_another_learners_deck_is_404(signed_in, other_card):
    url = f"/flashcards/decks/{other_card.deck_id}/cards/new/"
    cards_before = Flashcard.objects.filter(deck_id=other_card.deck_id).count()
    for response in (
        signed_in.post(url, card_data()),
        signed_in.post(f"/flashcards/decks/{other_card.deck_id}/study/"),
    ):
        assert response.status_code == 404
        assert "We could not find that deck." in response.content.decode()
    assert Flashcard.objects.filter(deck_id=other_card.deck_id).count() == cards_before
    assert not DeckStudy.objects.filter(deck_id=other_card.deck_id).exclude(
        user=other_card.deck.owner
    )


def test_official_deck_is_read_only_and_can_be_added_to_study(signed_in, learner, official_deck):
    url = f"/flashcards/decks/{official_deck.pk}/"
    assert signed_in.get(url).status_code == 404
    enroll(learner, official_deck.course)
    page = signed_in.get(url).content.decode()
    assert "Add to my study" in page
    assert "Add a card" not in page
    assert signed_in.post(f"{url}delete/").status_code == 403
    assert signed_in.post(f"{url}cards/new/", card_data()).status_code == 403
    assert signed_in.post(f"{url}study/").status_code == 302
    assert DeckStudy.objects.filter(user=learner, deck=official_deck).exists()
    assert CardState.objects.filter(user=learner, card__deck=official_deck).count() == 3
    signed_in.post(f"{url}study/", {"action": "stop"})
    assert not DeckStudy.objects.filter(user=learner, deck=official_deck).exists()


def test_search_by_text_and_tag(signed_in, learner):
    deck = make_deck(learner, cards=0)
    FlashcardFactory(deck=deck, front="Class B airspace", tags="airspace")
    FlashcardFactory(deck=deck, front="METAR", tags="weather")
    html = signed_in.get(f"/flashcards/decks/{deck.pk}/?q=weather").content.decode()
    assert "METAR" in html
    assert "Class B airspace" not in html


def test_export_csv(signed_in, deck):
    response = signed_in.get(f"/flashcards/decks/{deck.pk}/export.csv")
    body = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "front,back,tags" in body
    assert "Front 0,Back 0" in body


@pytest.mark.parametrize("count", [5, 50])
def test_deck_page_queries_do_not_grow(signed_in, learner, assert_signed_in_queries, count):
    deck = make_deck(learner, cards=count)
    signed_in.get(f"/flashcards/decks/{deck.pk}/")
    with assert_signed_in_queries(7):
        assert signed_in.get(f"/flashcards/decks/{deck.pk}/").status_code == 200


@pytest.mark.parametrize("count", [5, 50])
def test_library_queries_do_not_grow(signed_in, learner, assert_signed_in_queries, count):
    for _ in range(count // 5):
        make_deck(learner, cards=count)
        DeckFactory(is_public=True)
    signed_in.get("/flashcards/decks/")
    with assert_signed_in_queries(7):
        assert signed_in.get("/flashcards/decks/").status_code == 200


def test_course_deck_hidden_after_dropping_the_course(signed_in, learner, official_deck):
    enrollment = enroll(learner, official_deck.course)
    url = f"/flashcards/decks/{official_deck.pk}/"
    assert signed_in.get(url).status_code == 200
    enrollment.status = enrollment.Status.DROPPED
    enrollment.save()
    assert signed_in.get(url).status_code == 404
    assert "Private Pilot Essentials" not in signed_in.get("/flashcards/decks/").content.decode()
