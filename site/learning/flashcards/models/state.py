"""Per-learner scheduling state of a card (FSRS memory state) and the log of reviews."""

from django.conf import settings
from django.db import models


class CardStateKind(models.IntegerChoices):
    """FSRS's states plus NEW (never reviewed), which FSRS treats as Learning step 0."""

    NEW = 0, "New"
    LEARNING = 1, "Learning"
    REVIEW = 2, "Review"
    RELEARNING = 3, "Relearning"


class Rating(models.IntegerChoices):
    AGAIN = 1, "Again"
    HARD = 2, "Hard"
    GOOD = 3, "Good"
    EASY = 4, "Easy"


KNOWN_STABILITY_DAYS = 21


class CardState(models.Model):
    """One learner's memory of one card (the seed's FlashcardUsage).

    Created when the learner starts studying the card's deck, so today's queue is one
    indexed query on this table. ``due`` is UTC; ``buried_until`` is a study day in the
    learner's own calendar.
    """

    # Per-learner rows reference no pages or snippets; skip Wagtail's reference index.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="card_states"
    )
    card = models.ForeignKey(
        "flashcards.Flashcard", on_delete=models.CASCADE, related_name="states"
    )
    state = models.PositiveSmallIntegerField(choices=CardStateKind.choices, default=0)
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    stability = models.FloatField(null=True, blank=True)
    difficulty = models.FloatField(null=True, blank=True)
    due = models.DateTimeField()
    last_review = models.DateTimeField(null=True, blank=True)
    reps = models.PositiveIntegerField(default=0)
    lapses = models.PositiveIntegerField(default=0)
    suspended = models.BooleanField(default=False)
    buried_until = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "card"], name="flashcards_state_unique"),
        ]
        indexes = [
            models.Index(fields=["user", "state", "due"], name="flashcards_state_queue"),
            # The admin's card state list across learners, soonest due first.
            models.Index(fields=["due", "id"], name="flashcards_state_due"),
        ]

    def __str__(self):
        return f"{self.user} / card {self.card_id}"

    @property
    def known(self):
        """Shown as "known": a review card the learner holds for three weeks or more."""
        return self.state == CardStateKind.REVIEW and (self.stability or 0) >= KNOWN_STABILITY_DAYS


class ReviewLog(models.Model):
    """One rating of one card. ``prior`` is the full CardState before the review, so undo
    restores it exactly; ``shown_token`` makes a double-submitted review count once."""

    # Per-learner rows reference no pages or snippets; skip Wagtail's reference index.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_logs"
    )
    card = models.ForeignKey("flashcards.Flashcard", on_delete=models.CASCADE, related_name="logs")
    rating = models.PositiveSmallIntegerField(choices=Rating.choices)
    reviewed_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    state_before = models.PositiveSmallIntegerField(choices=CardStateKind.choices)
    state_after = models.PositiveSmallIntegerField(choices=CardStateKind.choices)
    due_before = models.DateTimeField()
    due_after = models.DateTimeField()
    retrievability = models.FloatField(
        null=True, blank=True, help_text="Predicted recall at the moment of review."
    )
    prior = models.JSONField(default=dict, blank=True)
    shown_token = models.CharField(max_length=64, blank=True)
    imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["reviewed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "card", "shown_token"],
                condition=~models.Q(shown_token=""),
                name="flashcards_review_once_per_showing",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "reviewed_at"], name="flashcards_log_user_time"),
            # The admin's review log list across learners, newest first: without it each
            # page view sorts every review ever logged.
            models.Index(fields=["reviewed_at", "id"], name="flashcards_log_recent"),
        ]

    def __str__(self):
        return f"{self.user} rated card {self.card_id} {self.get_rating_display()}"


class ReminderSent(models.Model):
    """The daily "cards due" email went to this learner for this local study day."""

    # Per-learner rows reference no pages or snippets; skip Wagtail's reference index.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    study_day = models.DateField()
    due_count = models.PositiveIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "study_day"], name="flashcards_reminder_once"),
        ]

    def __str__(self):
        return f"Reminder to {self.user} for {self.study_day}"
