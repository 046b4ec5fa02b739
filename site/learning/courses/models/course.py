"""A course: the catalog entry, its sales details and its module/lesson tree."""

from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.storage import shareable_images
from pages.base import BasePage

from ..blocks import ListItemsBlock
from ..forms import CoursePageForm
from ..offer import premium_only_lessons
from ..outline import course_outline
from ..render_cache import cached_outline
from .tree import editor_tabs, tree_context


class CourseLevel(models.TextChoices):
    BEGINNER = "beginner", "Beginner"
    INTERMEDIATE = "intermediate", "Intermediate"
    ADVANCED = "advanced", "Advanced"
    ALL = "all", "All levels"


def instructor_choices():
    """Active users who may use the Wagtail admin: the people who teach courses."""
    users = get_user_model().objects.filter(is_active=True)
    admin_perm = {"codename": "access_admin", "content_type__app_label": "wagtailadmin"}
    teaching = (
        models.Q(is_superuser=True)
        | models.Q(**{f"groups__permissions__{k}": v for k, v in admin_perm.items()})
        | models.Q(**{f"user_permissions__{k}": v for k, v in admin_perm.items()})
    )
    return {"pk__in": users.filter(teaching).values("pk")}


def free_offer(outline):
    """schema.org Offer saying what enrolling costs today: nothing (payments are not
    built, see offer.py); "Partially Free" when some lessons need Premium."""
    return {
        "@type": "Offer",
        "category": "Partially Free" if premium_only_lessons(outline) else "Free",
        "price": "0",
        "priceCurrency": "USD",
    }


class CoursePage(BasePage):
    subtitle = models.CharField(max_length=160, blank=True)
    summary = models.TextField(max_length=400, help_text="Two or three sentences for the catalog.")
    description = RichTextField(blank=True)
    category = models.ForeignKey(
        "snippets.Category", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    level = models.CharField(max_length=16, choices=CourseLevel.choices, default=CourseLevel.ALL)
    thumbnail = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=shareable_images,
    )
    price = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text="In US dollars; 0 means the course is free.",
    )
    discount_price = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    discount_ends = models.DateField(null=True, blank=True, help_text="Last day of the discount.")
    has_certificate = models.BooleanField(default=False)
    is_featured = models.BooleanField(default=False, help_text="Offer it first on the home page.")
    requirements = StreamField(ListItemsBlock(), blank=True)
    skills = StreamField(
        ListItemsBlock(), blank=True, help_text="What learners will be able to do."
    )
    learning_objectives = StreamField(ListItemsBlock(), blank=True)
    target_audience = models.TextField(max_length=1000, blank=True)
    acs_standard = models.CharField(
        "ACS standard",
        max_length=40,
        blank=True,
        help_text="The Airman Certification Standards it prepares for, e.g. FAA-S-ACS-6C.",
    )
    duration_minutes = models.PositiveIntegerField(default=0, editable=False)
    lesson_count = models.PositiveIntegerField(default=0, editable=False)

    base_form_class = CoursePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("subtitle"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("thumbnail"),
        InlinePanel(
            "instructors",
            heading="Instructors",
            label="Instructor",
            help_text="The course team, set by its lead: each right opens editing, learners' "
            "records (for learners who share them) or the analytics.",
        ),
    ]
    details_panels = [
        FieldRowPanel([FieldPanel("level"), FieldPanel("category")]),
        FieldPanel("acs_standard"),
        FieldPanel("target_audience"),
        FieldPanel("requirements"),
        FieldPanel("skills"),
        FieldPanel("learning_objectives"),
        FieldRowPanel([FieldPanel("has_certificate"), FieldPanel("is_featured")]),
    ]
    pricing_panels = [
        MultiFieldPanel(
            [FieldPanel("price"), FieldPanel("discount_price"), FieldPanel("discount_ends")],
            heading="Price (kept for when payments launch: enrolling is free until then)",
        )
    ]
    edit_handler = editor_tabs(
        Content=content_panels, Details=details_panels, Pricing=pricing_panels
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("skills"),
        index.FilterField("level"),
        index.FilterField("price"),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    template = "learning/courses/course_page.html"

    class Meta:
        verbose_name = "course"

    def clean(self):
        super().clean()
        if self.discount_price is not None and self.discount_price >= (self.price or 0):
            raise ValidationError({"discount_price": "A discount must be below the full price."})
        if self.discount_ends and self.discount_price is None:
            raise ValidationError({"discount_ends": "Set a discount price, or clear this date."})

    def save(self, *args, update_fields=None, **kwargs):
        recount = update_fields is None or "duration_minutes" in update_fields
        if self.pk and recount:  # a new course has no lessons; an existing one re-counts
            outline = course_outline(self)
            self.duration_minutes = outline.duration_minutes
            self.lesson_count = outline.lesson_count
        super().save(*args, update_fields=update_fields, **kwargs)

    def discount_active(self, today=None):
        if self.discount_price is None:
            return False
        today = today or timezone.localdate()
        return self.discount_ends is None or today <= self.discount_ends

    @property
    def current_price(self):
        return self.discount_price if self.discount_active() else self.price

    @property
    def is_free(self):
        return self.current_price == 0

    @classmethod
    def routing_queryset(cls):
        """The category, rating (JSON-LD and reviews summary) and images come with the
        page. A course without reviews yet has no rating row: read as None, no query."""
        return (
            super()
            .routing_queryset()
            .select_related("category", "rating", "thumbnail", "social_image")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(tree_context(self, request))
        context["course"] = self  # the page itself, not its breadcrumb
        context["outline"] = outline = cached_outline(self)
        context["instructors"] = [
            row.user for row in self.instructors.select_related("user__profile")
        ]
        context["course_jsonld"] = self.structured_data(request, outline)
        return context

    def structured_data(self, request, outline):
        """schema.org Course, for search engines' course listings."""
        data = {
            "@context": "https://schema.org",
            "@type": "Course",
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "provider": {
                "@type": "Organization",
                "name": settings.WAGTAIL_SITE_NAME,
                "sameAs": settings.SITE_URL,
            },
            "educationalLevel": self.get_level_display(),
            "offers": free_offer(outline),
            "hasCourseInstance": {
                "@type": "CourseInstance",
                "courseMode": "Online",
                "courseWorkload": f"PT{outline.duration_minutes}M",
            },
        }
        if self.category_id:
            data["about"] = self.category.name
        rating = getattr(self, "rating", None)  # reviews.CourseRating, absent until reviewed
        if rating is not None and rating.count:
            data["aggregateRating"] = {
                "@type": "AggregateRating",
                "ratingValue": str(rating.average),
                "ratingCount": rating.count,
                "bestRating": 5,
                "worstRating": 1,
            }
        return data


class CourseInstructor(Orderable):
    """An instructor on a course's team, in the order the editor chose.

    The row is what every instructor right reads (learning.courses.teaching): an active
    row credits the user on the course; its rights say what they may do there. Editing
    the course's page tree follows `can_edit_content` (courses.team_access keeps one
    Wagtail group per course in step), seeing learners' records follows
    `can_manage_students`, and the analytics pages follow `can_view_analytics`.
    """

    class Role(models.TextChoices):
        LEAD = "lead", "Lead instructor"
        CO_INSTRUCTOR = "co_instructor", "Co-instructor"
        ASSISTANT = "assistant", "Assistant"

    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="instructors")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=instructor_choices,
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.CO_INSTRUCTOR)
    is_active = models.BooleanField(
        "active",
        default=True,
        help_text="An inactive instructor keeps the credit history "
        "but loses every right on the course.",
    )
    can_edit_content = models.BooleanField(default=True)
    can_manage_students = models.BooleanField(
        default=True, help_text="Roster, student pages, cohorts, grading and endorsements."
    )
    can_view_analytics = models.BooleanField(default=True)
    revenue_share_percentage = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        help_text="Share of this course's revenue, 0 to 100.",
    )
    joined_date = models.DateTimeField(default=timezone.now)
    updated_date = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("user"), FieldPanel("role"), FieldPanel("is_active")]),
        FieldRowPanel(
            [
                FieldPanel("can_edit_content"),
                FieldPanel("can_manage_students"),
                FieldPanel("can_view_analytics"),
                FieldPanel("revenue_share_percentage"),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "user"], name="courses_instructor_once"),
            models.CheckConstraint(
                condition=models.Q(revenue_share_percentage__gte=0)
                & models.Q(revenue_share_percentage__lte=100),
                name="courses_instructor_revenue_share_0_100",
            ),
        ]
        indexes = [models.Index(fields=["user", "is_active"], name="courses_instructor_user")]
