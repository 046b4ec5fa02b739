"""A learner's study settings: limits, order, steps, retention target and FSRS parameters."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class ReviewOrder(models.TextChoices):
    """The order of the day's reviews (and interday learning cards)."""

    DUE = "due", "Due date, oldest first"
    SHUFFLED = "shuffled", "Shuffled (the same order all day)"


class StudySettings(models.Model):
    """Created on first use with the defaults below. ``parameters`` is empty for FSRS's
    defaults, or the learner's optimized weights with when and from how many reviews."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_settings"
    )
    desired_retention = models.FloatField(
        default=0.9, validators=[MinValueValidator(0.70), MaxValueValidator(0.97)]
    )
    new_per_day = models.PositiveSmallIntegerField(
        "new cards per day", default=20, validators=[MaxValueValidator(9999)]
    )
    reviews_per_day = models.PositiveSmallIntegerField(
        "maximum reviews per day", default=200, validators=[MaxValueValidator(9999)]
    )
    new_ignore_review_limit = models.BooleanField(
        "new cards ignore the review limit",
        default=False,
        help_text="Off (as in Anki): new cards count against the review limit too, so no "
        "new cards come once it is reached.",
    )
    review_order = models.CharField(
        max_length=10, choices=ReviewOrder.choices, default=ReviewOrder.DUE
    )
    learning_steps = models.CharField(
        max_length=60, default="1m 10m", help_text="Space separated, e.g. 1m 10m 1h."
    )
    relearning_steps = models.CharField(max_length=60, default="10m")
    rollover_hour = models.PositiveSmallIntegerField(
        "new day starts at", default=4, validators=[MaxValueValidator(23)]
    )
    parameters = models.JSONField(default=list, blank=True)
    auto_optimize = models.BooleanField(
        default=True,
        help_text="Refit personal parameters weekly; off once the learner returns to defaults.",
    )
    parameters_optimized_at = models.DateTimeField(null=True, blank=True)
    parameters_review_count = models.PositiveIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "study settings"

    def __str__(self):
        return f"Study settings of {self.user}"
