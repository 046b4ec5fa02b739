"""A lesson: a teaser everyone sees and a body only the allowed tiers receive."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from accounts.content_review import ReviewedContent, load_reviewer
from accounts.tiers import Tier
from learning.acs.panels import AcsElementsPanel
from pages.base import BasePage

from ..access import PREVIEW_TIER_ATTR, AccessLevel, lesson_tier, required_tier
from ..blocks import LessonBodyBlock, stream_text
from ..render_cache import cached_outline, lesson_downloads
from .tree import editor_tabs, tree_context


class LessonType(models.TextChoices):
    VIDEO = "video", "Video"
    READING = "reading", "Reading"
    QUIZ = "quiz", "Quiz"
    LAB = "lab", "Lab"


class LessonPage(ReviewedContent, BasePage):
    """A lesson page. ReviewedContent comes first so its clean() runs and then hands on
    to Wagtail's (slug and title checks) through super()."""

    summary = models.TextField(
        max_length=500, help_text="The teaser every visitor sees, whatever their access."
    )
    access_level = models.CharField(
        max_length=16,
        choices=AccessLevel.choices,
        default=AccessLevel.REGISTERED,
        help_text="Who may read the full lesson.",
    )
    is_free_preview = models.BooleanField(
        default=False, help_text="Let everyone read this lesson in full, as a sample."
    )
    lesson_type = models.CharField(
        max_length=16, choices=LessonType.choices, default=LessonType.READING
    )
    duration_minutes = models.PositiveSmallIntegerField(
        default=10, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    body = StreamField(LessonBodyBlock(), blank=True)
    transcript = models.TextField(blank=True, help_text="For video lessons; shown with the body.")
    acs_elements = ParentalManyToManyField(
        "acs.AcsElement", blank=True, related_name="lessons", verbose_name="ACS elements"
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    settings_tab = [
        FieldRowPanel([FieldPanel("access_level"), FieldPanel("is_free_preview")]),
        FieldRowPanel([FieldPanel("lesson_type"), FieldPanel("duration_minutes")]),
        FieldPanel("transcript"),
        AcsElementsPanel(heading="ACS elements"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("reviewed_by"), FieldPanel("current_as_of")])],
            heading="Review",
            help_text="Who checked this lesson against the regulations and the ACS, and when.",
        ),
    ]
    resources_tab = [InlinePanel("resources", heading="Downloads", label="Resource")]
    edit_handler = editor_tabs(
        Content=content_panels, **{"Lesson settings": settings_tab}, Resources=resources_tab
    )
    # The body index leaves gated sections out (see blocks.stream_text); search.py only
    # matches body and transcript for lessons the searcher may read in full.
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("search_body"),
        index.SearchField("transcript"),
        index.FilterField("access_level"),
        index.FilterField("is_free_preview"),
    ]
    FULL_TEXT_FIELDS = ["search_body", "transcript"]

    preview_modes = [
        ("", "As an editor (everything)"),
        ("guest", "As a guest"),
        ("registered", "As a registered learner"),
        ("premium", "As a premium member"),
    ]

    # A copy is new content: nobody has checked it in its new place yet, and a date
    # carried over would tell learners it was reviewed when it was not.
    exclude_fields_in_copy = ["reviewed_by", "current_as_of"]

    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    template = "learning/courses/lesson_page.html"

    class Meta:
        verbose_name = "lesson"

    @classmethod
    def reviewable(cls):
        """Every lesson, without its body: the review list shows only titles."""
        return super().reviewable().defer_streamfields()

    def search_body(self):
        return stream_text(self.body)

    @property
    def required_tier(self):
        return lesson_tier(self.access_level, self.is_free_preview)

    def is_visible_to(self, tier):
        return tier >= self.required_tier

    def serve_preview(self, request, mode_name):
        if mode_name:
            setattr(request, PREVIEW_TIER_ATTR, required_tier(mode_name))
        return super().serve_preview(request, mode_name)

    @classmethod
    def routing_queryset(cls):
        """The credited reviewer and their profile come with the page (the review line)."""
        return super().routing_queryset().select_related("reviewed_by__profile")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(tree_context(self, request))
        load_reviewer(self)  # no query when the page router selected the reviewer
        tier = context["viewer_tier"]
        outline = cached_outline(context["course"])
        previous_lesson, next_lesson = outline.neighbours(self)
        can_view = self.is_visible_to(tier)
        context.update(
            can_view=can_view,
            cta_tier=None if can_view else self.required_tier,
            outline=outline,
            module=outline.module_for(self),
            previous_lesson=previous_lesson,
            next_lesson=next_lesson,
        )
        context["resources"], context["locked_resources"] = (
            self.resources_for(tier) if can_view else ([], 0)
        )
        return context

    def resources_for(self, tier):
        """(downloads `tier` may have, how many more a higher tier would unlock)."""
        needed_for_lesson = self.required_tier
        visible, locked = [], 0
        for download in lesson_downloads(self):
            if tier >= download.tier_needed(needed_for_lesson):
                visible.append(download)
            else:
                locked += 1
        return visible, locked


class LessonResource(Orderable):
    """A downloadable file attached to a lesson; premium ones need a premium viewer."""

    page = ParentalKey(LessonPage, on_delete=models.CASCADE, related_name="resources")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=160, blank=True, help_text="Defaults to the file's title.")
    is_premium = models.BooleanField(default=False, help_text="Only premium members may download.")

    panels = [FieldPanel("document"), FieldPanel("title"), FieldPanel("is_premium")]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return self.title or self.document.title

    def tier_needed(self, lesson_tier):
        """A resource needs its lesson's tier, and premium if it is flagged premium."""
        return max(lesson_tier, Tier.PREMIUM) if self.is_premium else lesson_tier
