"""Course reviews, helpful votes and each course's rating summary."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinLengthValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

TEXT_MIN_LENGTH = 10
TEXT_MAX_LENGTH = 5_000


class Review(models.Model):
    """One per learner and course. Only approved reviews are ever shown or counted."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="reviews"
    )
    rating = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    title = models.CharField(max_length=120)
    text = models.TextField(
        max_length=TEXT_MAX_LENGTH, validators=[MinLengthValidator(TEXT_MIN_LENGTH)]
    )
    is_verified_learner = models.BooleanField(
        default=False, help_text="The author had completed lessons of the course when writing."
    )
    is_approved = models.BooleanField(default=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    helpful_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="reviews_once_per_course"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="reviews_rating_1_to_5"
            ),
        ]
        indexes = [models.Index(fields=["course", "is_approved", "-created_at"])]

    def __str__(self):
        return f"{self.rating}/5 for {self.course} by {self.user}"


class HelpfulVote(models.Model):
    """One learner found a review helpful; one vote per learner and review."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "user"], name="reviews_vote_once")]

    def __str__(self):
        return f"{self.user} found review {self.review_id} helpful"


class CourseRating(models.Model):
    """A course's approved-review average and count, recomputed from the reviews.

    Kept off CoursePage so that publishing an old page revision cannot restore
    stale numbers, and read with the course in one join.
    """

    course = models.OneToOneField(
        "courses.CoursePage", on_delete=models.CASCADE, primary_key=True, related_name="rating"
    )
    average = models.DecimalField(max_digits=3, decimal_places=2, default=0)
    count = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.course}: {self.average} from {self.count}"


@register_setting(icon="pick")
class ReviewSettings(BaseGenericSetting):
    auto_approve = models.BooleanField(
        default=False,
        help_text="Publish new and edited reviews at once instead of holding them for moderation.",
    )

    panels = [FieldPanel("auto_approve")]

    class Meta:
        verbose_name = "review settings"
