"""Write paths for the deck library: decks, cards, adding a course deck.

Learners edit only their own decks; official (course) decks are edited by instructors
in the admin and are read-only here. Every lookup filters by the requesting user, so
another learner's private deck or card is "not found" (404), never "forbidden".
New cards get CardState rows through the scheduling service so they show up in the
queue of everyone who studies the deck.
"""

import secrets

from django.db import transaction
from django.db.models import Count, Max, Q

from wagtail.images import get_image_model

from core.storage import PRIVATE_IMAGE_PREFIX
from learning.enrollments.models import Enrollment
from pages.collections import FLASHCARD_PICTURES, child_collection

from ..models import Deck, DeckPurpose, Flashcard
from ..models.deck import BACK_MAX_LENGTH, FRONT_MAX_LENGTH
from ..sanitize import card_input_html
from ..services import (
    FlashcardError,
    can_study,
    start_studying,
    states_for_new_cards,
    stop_studying,
)

NO_DECK = "We could not find that deck."
NO_CARD = "We could not find that card."
READ_ONLY = "This deck is read-only: only its owner can change it."
OFFICIAL = "Official course decks are edited by instructors; add it to your study instead."
MAX_TAGS_LENGTH = 500


def clean_tags(raw):
    """Space-separated tags, each once, in the order given, cut to the field's length."""
    tags = []
    for tag in str(raw or "").replace("\x00", "").replace(",", " ").split():
        if tag not in tags:
            tags.append(tag[:60])
    text = " ".join(tags)
    while len(text) > MAX_TAGS_LENGTH:
        tags.pop()
        text = " ".join(tags)
    return text


def enrolled_course_ids(user):
    """Live courses the learner is (or was, to completion) enrolled in, as can_study has it."""
    active = [Enrollment.Status.ACTIVE, Enrollment.Status.COMPLETED]
    enrollments = Enrollment.objects.filter(user=user, status__in=active, course__live=True)
    return enrollments.values("course_id")


def viewable_decks(user):
    """Decks ``user`` may open: own, studied, public, official decks of their courses."""
    return Deck.objects.filter(
        Q(owner=user)
        | Q(students__user=user)
        | Q(is_public=True)
        | Q(course_id__in=enrolled_course_ids(user))
    ).distinct()


def visible_deck(user, deck_id):
    decks = viewable_decks(user).select_related("category", "course", "reviewed_by__profile")
    deck = decks.filter(pk=deck_id).first()
    if deck is None:
        raise FlashcardError(NO_DECK, status=404)
    return deck


def own_deck(user, deck_id, lock=False):
    """The user's own deck, for writing: 403 for a deck they can see but not change."""
    decks = Deck.objects.select_for_update() if lock else Deck.objects
    deck = decks.filter(pk=deck_id, owner=user).first()
    if deck is None:
        visible_deck(user, deck_id)
        raise FlashcardError(OFFICIAL if _is_official(deck_id) else READ_ONLY, status=403)
    return deck


def _is_official(deck_id):
    return Deck.objects.filter(pk=deck_id, course__isnull=False).exists()


def own_card(user, card_id, lock=False):
    cards = Flashcard.objects.select_for_update() if lock else Flashcard.objects
    card = cards.select_related("deck").filter(pk=card_id, deck__owner=user).first()
    if card is None:
        raise FlashcardError(NO_CARD, status=404)
    return card


def with_counts(decks):
    return decks.select_related("category").annotate(card_count=Count("cards", distinct=True))


def library(user):
    """The four lists of the library page, each one query when evaluated."""
    studied = Deck.objects.filter(students__user=user)
    return {
        "own_decks": with_counts(Deck.objects.filter(owner=user)),
        "studied_decks": with_counts(studied.select_related("course")),
        "addable_decks": with_counts(
            Deck.objects.filter(course_id__in=enrolled_course_ids(user))
            .exclude(pk__in=studied.values("pk"))
            .select_related("course")
        ),
        "public_decks": with_counts(
            Deck.objects.filter(is_public=True)
            .exclude(owner=user)
            .exclude(pk__in=studied.values("pk"))
        )[:50],
    }


def create_deck(user, fields):
    with transaction.atomic():
        deck = Deck.objects.create(owner=user, purpose=DeckPurpose.GENERAL, **fields)
    return deck


def update_deck(user, deck_id, fields):
    with transaction.atomic():
        deck = own_deck(user, deck_id, lock=True)
        for name, value in fields.items():
            setattr(deck, name, value)
        deck.save()
    return deck


def delete_deck(user, deck_id):
    with transaction.atomic():
        deck = own_deck(user, deck_id, lock=True)
        deck.delete()
    return deck


def card_fields(cleaned):
    """Form data -> model fields; card text cleaned to the allowlist (plain text keeps
    its line breaks)."""
    front = card_input_html(cleaned["front"])
    back = card_input_html(cleaned["back"])
    if not front or not back:
        raise FlashcardError("A card needs text on both sides.")
    if len(front) > FRONT_MAX_LENGTH or len(back) > BACK_MAX_LENGTH:
        raise FlashcardError("The card's text is too long once formatted; shorten it.")
    return {
        "front": front,
        "back": back,
        "tags": clean_tags(cleaned.get("tags")),
        "difficulty": cleaned["difficulty"],
        "category": cleaned.get("category"),
    }


def store_image(user, upload):
    """A learner's picture as a Wagtail image in the collection instructors and
    marketers cannot browse. Its file name starts with PRIVATE_IMAGE_PREFIX, which keeps
    it (and its renditions) in private storage under a random name; the card picture
    view hands it to whoever may open the card's deck."""
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else "img"
    upload.name = f"{PRIVATE_IMAGE_PREFIX}{secrets.token_hex(12)}.{extension[:5]}"
    return get_image_model().objects.create(
        title="Flashcard picture",
        file=upload,
        uploaded_by_user=user,
        collection=child_collection(FLASHCARD_PICTURES),  # no staff group may open it
    )


def create_card(user, deck_id, cleaned, elements=()):
    fields = card_fields(cleaned)
    with transaction.atomic():
        if cleaned.get("image"):
            fields["image"] = store_image(user, cleaned["image"])
        deck = own_deck(user, deck_id, lock=True)
        last = deck.cards.aggregate(last=Max("position"))["last"]
        card = Flashcard.objects.create(deck=deck, position=(last or 0) + 1, **fields)
        card.acs_elements.set(elements)
        states_for_new_cards([card])
    return card


def update_card(user, card_id, cleaned, elements=()):
    fields = card_fields(cleaned)
    with transaction.atomic():
        card = own_card(user, card_id, lock=True)
        if cleaned.get("image"):
            fields["image"] = store_image(user, cleaned["image"])
        elif cleaned.get("remove_image"):
            fields["image"] = None
        for name, value in fields.items():
            setattr(card, name, value)
        card.save()
        card.acs_elements.set(elements)
    return card


def delete_card(user, card_id):
    with transaction.atomic():
        card = own_card(user, card_id, lock=True)
        card.delete()
    return card


def add_to_study(user, deck_id):
    """Study an official deck of one's course (or a public deck) alongside one's own."""
    deck = visible_deck(user, deck_id)
    if deck.owner_id == user.pk:
        raise FlashcardError("You already study your own decks.")
    if not can_study(user, deck):
        raise FlashcardError(NO_DECK, status=404)
    start_studying(user, deck)
    return deck


def remove_from_study(user, deck_id):
    deck = visible_deck(user, deck_id)
    stop_studying(user, deck)
    return deck
