"""Sections marketers arrange on the home page and on landing pages.

Each curated section takes hand-picked items and falls back to items flagged as
featured. Items that are unpublished, inactive or deleted simply drop out, and each
section loads its items in a fixed number of queries however many were picked.
"""

from django.core.cache import cache
from django.db.models import Prefetch

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .blocks import HeadingBlock, ParagraphBlock

TEMPLATES = "pages/sections"
STATS_CACHE_KEY = "home:stats"
STATS_CACHE_SECONDS = 15 * 60


def _picked_ids(items):
    return [item.pk for item in items if item is not None]


def _in_picked_order(queryset, ids):
    by_id = {item.pk: item for item in queryset.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


class FeaturedCoursesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Featured courses")
    courses = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="courses.CoursePage"),
        default=[],
        help_text="Pick and order courses; leave empty to show courses marked as featured.",
    )
    limit = blocks.IntegerBlock(min_value=1, max_value=12, default=3)

    class Meta:
        icon = "pick"
        template = f"{TEMPLATES}/featured_courses.html"
        description = "Course cards: hand-picked, or the courses marked as featured."

    def get_context(self, value, parent_context=None):
        from learning.courses.catalog import course_cards

        context = super().get_context(value, parent_context)
        ids = _picked_ids(value["courses"])
        if ids:
            courses = _in_picked_order(course_cards(), ids)
        else:
            courses = course_cards().filter(is_featured=True).order_by("-first_published_at")
        context["courses"] = list(courses[: value["limit"]])
        return context


class FeaturedCategoriesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Study by topic")
    categories = blocks.ListBlock(
        SnippetChooserBlock("snippets.Category"),
        default=[],
        help_text="Pick and order categories; leave empty to show featured categories.",
    )

    class Meta:
        icon = "folder-open-inverse"
        template = f"{TEMPLATES}/featured_categories.html"
        description = "Links to category pages."

    def get_context(self, value, parent_context=None):
        from snippets.models import Category

        context = super().get_context(value, parent_context)
        active = Category.objects.filter(active=True)
        ids = _picked_ids(value["categories"])
        context["categories"] = (
            _in_picked_order(active, ids) if ids else list(active.filter(featured=True)[:8])
        )
        return context


class TestimonialsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="What pilots say")
    testimonials = blocks.ListBlock(
        SnippetChooserBlock("snippets.Testimonial"),
        default=[],
        help_text="Pick and order testimonials; leave empty to show featured ones.",
    )
    limit = blocks.IntegerBlock(min_value=1, max_value=9, default=3)

    class Meta:
        icon = "openquote"
        template = f"{TEMPLATES}/testimonials.html"
        description = "Quotes from learners: hand-picked, or the featured ones."

    def get_context(self, value, parent_context=None):
        from wagtail.images import get_image_model

        from snippets.models import Testimonial

        context = super().get_context(value, parent_context)
        avatars = get_image_model().objects.prefetch_renditions("fill-96x96")
        live = Testimonial.objects.filter(live=True).prefetch_related(
            Prefetch("avatar", queryset=avatars)
        )
        ids = _picked_ids(value["testimonials"])
        chosen = _in_picked_order(live, ids) if ids else live.filter(featured=True)
        context["testimonials"] = list(chosen[: value["limit"]])
        return context


def site_stats():
    """Live counts for the stats strip, cached; publishing a course or lesson clears them."""
    stats = cache.get(STATS_CACHE_KEY)
    if stats is None:
        from django.contrib.auth import get_user_model

        from learning.courses.models import CoursePage, LessonPage

        stats = {
            "courses": CoursePage.objects.live().public().count(),
            "lessons": LessonPage.objects.live().public().count(),
            "learners": get_user_model().objects.filter(is_active=True).count(),
        }
        cache.set(STATS_CACHE_KEY, stats, STATS_CACHE_SECONDS)
    return stats


class StatsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        icon = "table"
        template = f"{TEMPLATES}/stats.html"
        description = "Live counts of courses, lessons and learners."

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["stats"] = site_stats()
        return context


class LinkTargetBlock(blocks.StructBlock):
    """A page on this site or an external URL: exactly one of the two."""

    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label="or URL")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"page": "Choose a page or enter a URL (one of the two)."}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(max_length=400, required=False)
    button_label = blocks.CharBlock(max_length=40)
    link = LinkTargetBlock()

    class Meta:
        icon = "link"
        template = f"{TEMPLATES}/call_to_action.html"
        description = "A band with a heading, a sentence and one button."
        preview_value = {
            "heading": "Ready for your checkride?",
            "text": "Start with the free weather course; no card needed.",
            "button_label": "Browse courses",
            "link": {"url": "https://example.com/courses/"},
        }


class HomeSectionsBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    featured_courses = FeaturedCoursesBlock()
    featured_categories = FeaturedCategoriesBlock()
    testimonials = TestimonialsBlock()
    stats = StatsBlock()
    call_to_action = CallToActionBlock()
