"""Sections marketers arrange on the home page and on landing pages.

Each curated section takes hand-picked items and falls back to items flagged as
featured. Items that are unpublished, inactive or deleted simply drop out, and each
section loads its items in a fixed number of queries however many were picked.
"""

from django.core.cache import cache
from django.db.models import Prefetch

from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.snippets.blocks import SnippetChooserBlock

from core.templatetags.avatar_tags import rendition_spec
from snippets.models import Category, Testimonial

from .blocks import HeadingBlock, LinkTargetBlock, ParagraphBlock
from .providers import course_cards, site_counts

TEMPLATES = "pages/sections"
STATS_CACHE_KEY = "home:stats"
STATS_CACHE_SECONDS = 15 * 60
MAX_CATEGORIES = 8
# The crop featured_categories.html shows for a category's picture.
CATEGORY_TILE_SPEC = "fill-480x270"


def picked_or_featured(available, picked, limit, **featured):
    """The hand-picked items still in `available`, in the editor's order; with none
    picked, the items of `available` matching `featured`.

    `available` holds only items fit to show (live, active), so an item unpublished
    or deleted after it was picked simply drops out. One query either way.
    """
    ids = [item.pk for item in picked if item is not None]
    if not ids:
        return list(available.filter(**featured)[:limit])
    by_id = {item.pk: item for item in available.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id][:limit]


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
        context = super().get_context(value, parent_context)
        cards = course_cards()
        context["courses"] = (
            []
            if cards is None
            else picked_or_featured(
                cards.order_by("-first_published_at"),
                value["courses"],
                value["limit"],
                is_featured=True,
            )
        )
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

        context = super().get_context(value, parent_context)
        pictures = get_image_model().objects.prefetch_renditions(CATEGORY_TILE_SPEC)
        active = Category.objects.filter(active=True).prefetch_related(
            Prefetch("image", queryset=pictures)
        )
        context["categories"] = picked_or_featured(
            active, value["categories"], MAX_CATEGORIES, featured=True
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

        context = super().get_context(value, parent_context)
        avatars = get_image_model().objects.prefetch_renditions(rendition_spec())
        live = Testimonial.objects.filter(live=True).prefetch_related(
            Prefetch("avatar", queryset=avatars)
        )
        context["testimonials"] = picked_or_featured(
            live, value["testimonials"], value["limit"], featured=True
        )
        return context


def site_stats():
    """Live counts for the stats strip, cached; publishing a course or lesson clears them."""
    stats = cache.get(STATS_CACHE_KEY)
    if stats is None:
        from django.contrib.auth import get_user_model

        stats = {
            **site_counts(),
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
            "link": {"url": "/courses/"},
        }


class HomeSectionsBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    featured_courses = FeaturedCoursesBlock()
    featured_categories = FeaturedCategoriesBlock()
    testimonials = TestimonialsBlock()
    stats = StatsBlock()
    call_to_action = CallToActionBlock()
