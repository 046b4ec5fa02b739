"""Course cards rendered once per content change, for the catalog and category pages.

A card shows no per-viewer state, so its HTML is the same for everyone on a host until
the course, its category, thumbnail, lessons or rating change. Each card is cached under
pages.section_cache's tokens; a listing reads a page of cards with one cache round trip
and renders only the misses (three queries for all of them: the courses with category
and rating, the thumbnails, their renditions).
"""

from django.core.cache import cache
from django.dispatch import receiver
from django.template.loader import get_template

from pages.section_cache import cache_key, current_tokens, listing_changed

from .catalog import course_cards
from .signals import course_tree_changed

CARD_TEMPLATE = "learning/courses/components/course_card.html"
CARD_SECONDS = 24 * 60 * 60


def card_key(course_id, request, heading_level, tokens):
    return cache_key("course-card", request.get_host(), course_id, heading_level, tokens=tokens)


def render_cards(course_ids, request, heading_level):
    """{course id: card HTML} for the ids still live and public."""
    from .models import CoursePage

    template = get_template(CARD_TEMPLATE)
    courses = course_cards(CoursePage.objects.filter(pk__in=course_ids))
    return {
        course.pk: template.render(
            {"course": course, "heading_level": heading_level, "request": request}
        )
        for course in courses
    }


def cards_html(course_ids, request, heading_level=2):
    """The cards for `course_ids`, in that order (ids no longer listable drop out)."""
    course_ids = list(course_ids)
    tokens = current_tokens()
    keys = {pk: card_key(pk, request, heading_level, tokens) for pk in course_ids}
    found = cache.get_many(keys.values())
    missing = [pk for pk in course_ids if keys[pk] not in found]
    if missing:
        rendered = render_cards(missing, request, heading_level)
        cache.set_many({keys[pk]: html for pk, html in rendered.items()}, CARD_SECONDS)
        found.update({keys[pk]: html for pk, html in rendered.items()})
    return [found[keys[pk]] for pk in course_ids if keys[pk] in found]


@receiver(course_tree_changed, dispatch_uid="course-cards-recounted")
def lessons_recounted(**kwargs):
    """Lesson counts and durations are stored with an UPDATE after the publish that
    changed them, so the cards drawn meanwhile are dropped."""
    listing_changed()
