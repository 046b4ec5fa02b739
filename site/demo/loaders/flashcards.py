"""Demo flashcards for `load_demo`: the official "Private Pilot Essentials" deck of the
demo checkride course, and a month of reviews by learner@demo.test so the study screen
and stats have something to show.

The deck's words are in demo/data/flashcards/deck.json (plain text, turned into card
HTML here); card keys are stable so a reload finds the card it made. Deck editing comes
with the Instructors role (accounts.roles). The deck is marked reviewed by the demo
instructor (who has an FAA certificate number from the accounts loader), current as of
REVIEWED_ON; a deck someone already marked keeps its reviewer. The history goes
through the real study service (``review_card`` with past times), so states, logs and
predictions are exactly what a learner would have. It is seeded, in time order, and
only written when the learner has no reviews in the deck yet: a second load adds
nothing. Runs after the enrollments loader (the learner must be enrolled in the course
to study its official deck).
"""

import random
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.content_review import has_certificate
from demo.words import read
from learning.courses.models import CoursePage
from learning.flashcards.models import CardState, Deck, Flashcard, FlashcardCategory, ReviewLog
from learning.flashcards.sanitize import text_to_card_html

DECK = read("flashcards", "deck.json")
DECK_NAME = DECK["name"]
COURSE_SLUG = "private-pilot-checkride-prep"
LEARNER_EMAIL = "learner@demo.test"
REVIEWER_EMAIL = "instructor@demo.test"
REVIEWED_ON = date(2026, 12, 2)
HISTORY_DAYS = 30
NEW_PER_DAY = 3
SEED = 7
# Share of each rating (Again, Hard, Good, Easy) the demo learner gives.
RATING_WEIGHTS = (0.12, 0.1, 0.68, 0.1)


def upsert_deck(course):
    """The official deck and its cards; existing cards (found by key) are left as edited."""
    category, _ = FlashcardCategory.objects.get_or_create(name=DECK["category"])
    deck = Deck.objects.filter(course=course, name=DECK_NAME).first()
    if deck is None:
        deck = Deck.objects.create(
            course=course,
            name=DECK_NAME,
            description=DECK["description"],
            category=category,
            is_public=True,
        )
    mark_reviewed(deck)
    categories = {}
    added = []
    for position, spec in enumerate(DECK["cards"]):
        category_name = spec["category"]
        if category_name not in categories:
            categories[category_name] = FlashcardCategory.objects.get_or_create(name=category_name)[
                0
            ]
        card, created = Flashcard.objects.get_or_create(
            deck=deck,
            source_key=f"demo:{spec['key']}",
            defaults={
                "front": text_to_card_html(spec["front"]),
                "back": text_to_card_html(spec["back"]),
                "category": categories[category_name],
                "tags": spec["tags"],
                "position": position,
            },
        )
        if created:
            added.append(card)
    if added:
        from learning.flashcards.services import states_for_new_cards

        states_for_new_cards(added)
    return deck, len(added)


def mark_reviewed(deck):
    """The demo instructor vouches for the deck (only with a certificate number: a review
    needs one)."""
    reviewer = get_user_model().objects.filter(email=REVIEWER_EMAIL).first()
    if deck.reviewed_by_id or reviewer is None or not has_certificate(reviewer):
        return
    Deck.objects.filter(pk=deck.pk).update(reviewed_by=reviewer, current_as_of=REVIEWED_ON)


def sessions(start, days):
    """One evening session per day, in the past, oldest first."""
    for offset in range(days, 0, -1):
        yield (start - timedelta(days=offset)).replace(hour=18, minute=0, second=0, microsecond=0)


def study_history(user, deck, now):
    """A month of seeded reviews: a few new cards a day, and every card as it falls due."""
    from learning.flashcards.services import review_card, start_studying

    rng = random.Random(SEED)  # noqa: S311 - a repeatable demo, not a secret
    first = next(sessions(now, HISTORY_DAYS))
    start_studying(user, deck, now=first - timedelta(hours=1))
    states = CardState.objects.filter(user=user, card__deck=deck)
    new_ids = list(
        states.filter(state=0).order_by("card__position").values_list("card_id", flat=True)
    )
    reviews = 0
    for moment in sessions(now, HISTORY_DAYS):
        introduced, new_ids = new_ids[:NEW_PER_DAY], new_ids[NEW_PER_DAY:]
        clock = moment
        for _round in range(3):  # learning steps come back within the session
            due = list(
                states.exclude(state=0)
                .filter(due__lte=clock, suspended=False)
                .order_by("due", "card_id")
                .values_list("card_id", flat=True)
            )
            for card_id in [*due, *introduced]:
                rating = rng.choices((1, 2, 3, 4), weights=RATING_WEIGHTS)[0]
                review_card(
                    user, card_id, rating, duration_ms=rng.randint(3_000, 15_000), now=clock
                )
                clock += timedelta(seconds=rng.randint(8, 25))
                reviews += 1
            introduced = []
            clock += timedelta(minutes=11)
    return reviews


def load(stdout):
    course = CoursePage.objects.filter(slug=COURSE_SLUG).first()
    if course is None:
        stdout.write(f"  flashcards: skipped, no course {COURSE_SLUG}")
        return
    deck, added = upsert_deck(course)
    learner = get_user_model().objects.filter(email=LEARNER_EMAIL).first()
    reviews = 0
    if learner is not None and not ReviewLog.objects.filter(user=learner, card__deck=deck).exists():
        reviews = study_history(learner, deck, timezone.now())
    stdout.write(
        f"  flashcards: {deck.cards.count()} cards in “{deck.name}” ({added} added), "
        f"{reviews} demo reviews added"
    )
