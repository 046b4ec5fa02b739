"""Decks and the cards in them: a learner's own decks and the official deck of a course."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from accounts.content_review import ReviewedContent

FRONT_MAX_LENGTH = 4_000
BACK_MAX_LENGTH = 8_000


class FlashcardCategory(models.Model):
    """A subject heading shared by every deck (Airspace, Weather, Regulations ...)."""

    name = models.CharField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "flashcard categories"

    def __str__(self):
        return self.name


class DeckPurpose(models.TextChoices):
    """What a deck is for; a learner has at most one of each system purpose."""

    GENERAL = "general", "General"
    ORAL_REVIEW = "oral_review", "Oral review"


class Deck(ReviewedContent):
    """A set of cards. Exactly one of ``owner`` (a learner's deck) or ``course`` (the
    course's official deck, edited by instructors in the admin) is set. An official deck
    names the instructor who checked it and when (ReviewedContent); a learner's own deck
    needs no reviewer."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="flashcard_decks",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="flashcard_decks",
    )
    name = models.CharField(max_length=120)
    description = models.TextField(max_length=2_000, blank=True)
    category = models.ForeignKey(
        FlashcardCategory, on_delete=models.SET_NULL, null=True, blank=True, related_name="decks"
    )
    is_public = models.BooleanField(
        "public", default=False, help_text="Anyone signed in may browse and study this deck."
    )
    purpose = models.CharField(max_length=16, choices=DeckPurpose.choices, default="general")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner__isnull=False, course__isnull=True)
                | Q(owner__isnull=True, course__isnull=False),
                name="flashcards_deck_owner_xor_course",
            ),
            models.UniqueConstraint(
                fields=["owner", "purpose"],
                condition=~Q(purpose="general"),
                name="flashcards_deck_one_system_deck",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_official(self):
        return self.course_id is not None


class Difficulty(models.IntegerChoices):
    EASY = 1, "Easy"
    MODERATE = 2, "Moderate"
    HARD = 3, "Hard"


class Flashcard(models.Model):
    """One card. ``front`` and ``back`` hold sanitized HTML (bold, italics, lists, line
    breaks); ``source_key`` remembers where an imported card came from so a re-import
    updates instead of duplicating."""

    deck = models.ForeignKey(Deck, on_delete=models.CASCADE, related_name="cards")
    front = models.TextField(max_length=FRONT_MAX_LENGTH)
    back = models.TextField(max_length=BACK_MAX_LENGTH)
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    category = models.ForeignKey(
        FlashcardCategory, on_delete=models.SET_NULL, null=True, blank=True, related_name="cards"
    )
    difficulty = models.PositiveSmallIntegerField(
        "author difficulty", choices=Difficulty.choices, default=Difficulty.MODERATE
    )
    tags = models.CharField(max_length=500, blank=True, help_text="Separated by spaces.")
    acs_elements = models.ManyToManyField(
        "acs.AcsElement", blank=True, related_name="flashcards", verbose_name="ACS elements"
    )
    source_key = models.CharField(max_length=120, blank=True)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["deck", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["deck", "source_key"],
                condition=~Q(source_key=""),
                name="flashcards_card_unique_source",
            ),
        ]

    def __str__(self):
        return self.front[:80]

    @property
    def tag_list(self):
        return self.tags.split()


class DeckStudy(models.Model):
    """A learner studying a deck they do not own (a course's official deck or a public
    one). Their own decks are always studied and need no row."""

    # Per-learner rows reference no pages or snippets; skip Wagtail's reference index.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="studied_decks"
    )
    deck = models.ForeignKey(Deck, on_delete=models.CASCADE, related_name="students")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "deck"], name="flashcards_deckstudy_unique"),
        ]

    def __str__(self):
        return f"{self.user} studies {self.deck}"
