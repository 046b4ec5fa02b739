"""Testimonials: quotes from learners that marketers place on the home and landing pages."""

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Cast

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.images import get_image_model_string
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    Revision,
    RevisionMixin,
)
from wagtail.search import index

from core.storage import shareable_images

QUOTE_MAX_LENGTH = 600


class TestimonialQuerySet(models.QuerySet):
    def live(self):
        """Published testimonials: the only ones the public site may show."""
        return self.filter(live=True)

    def featured(self):
        return self.filter(featured=True)

    def with_schedule_flag(self):
        """Annotate whether a revision is scheduled to go live, so that a listing showing
        each row's status ("draft", "live + scheduled" ...) needs no query per row."""
        scheduled = Revision.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model),
            object_id=Cast(models.OuterRef("pk"), models.CharField()),
            approved_go_live_at__isnull=False,
        )
        return self.annotate(has_scheduled_revision=models.Exists(scheduled))


class Testimonial(
    PreviewableMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model
):
    """A learner's quote with a star rating.

    Drafts and revisions let a marketer prepare or correct a quote without the public
    site changing until it is published; `Testimonial.objects.live()` is what pages use.
    """

    name = models.CharField(max_length=80, help_text="How the person wants to be credited.")
    role = models.CharField(
        max_length=120, blank=True, help_text="For example “Private pilot, 2026”."
    )
    quote = models.TextField(
        max_length=QUOTE_MAX_LENGTH, validators=[MaxLengthValidator(QUOTE_MAX_LENGTH)]
    )
    rating = models.PositiveSmallIntegerField(
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text="Stars, from 1 to 5.",
    )
    avatar = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=shareable_images,
        help_text="Optional square photo; it is shown small and cropped to a circle.",
    )
    featured = models.BooleanField(
        default=False,
        help_text="Shown on the home page when no testimonials are hand-picked there.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="testimonial")

    objects = TestimonialQuerySet.as_manager()

    panels = [
        # A draft needs a name to be found in the listing; the quote may wait for publishing.
        FieldRowPanel([FieldPanel("name", required_on_save=True), FieldPanel("role")]),
        FieldPanel("quote"),
        FieldRowPanel(
            [
                FieldPanel("rating", widget=forms.NumberInput(attrs={"min": 1, "max": 5})),
                FieldPanel("featured"),
            ]
        ),
        FieldPanel("avatar"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
        index.AutocompleteField("role"),
        index.SearchField("quote"),
        index.AutocompleteField("quote"),
        index.FilterField("name"),
        index.FilterField("rating"),
        index.FilterField("featured"),
        index.FilterField("live"),
        index.FilterField("updated_at"),
    ]

    class Meta:
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5),
                name="snippets_testimonial_rating_1_to_5",
                violation_error_message="The rating must be from 1 to 5 stars.",
            ),
        ]

    def __str__(self):
        return f"{self.name}: {self.role}" if self.role else self.name

    @property
    def revisions(self):
        """Wagtail reads revisions through this; the GenericRelation deletes them with us."""
        return self._revisions

    @property
    def approved_schedule(self):
        annotated = getattr(self, "has_scheduled_revision", None)
        return super().approved_schedule if annotated is None else annotated

    def get_preview_template(self, request, mode_name):
        return "snippets/testimonial_preview.html"
