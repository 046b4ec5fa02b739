"""Template helpers for course pages: durations, prices and structured data."""

from django import template
from django.utils.html import format_html

from accounts.tiers import Tier
from core.jsonld import jsonld_script
from pages.templatetags.icons import heroicon_mini

from ..access import viewer_tier
from ..offer import enrollment_offer
from ..render_cache import lesson_body_html

register = template.Library()


@register.filter
def duration(minutes):
    """90 -> '1 h 30 min'; 45 -> '45 min'; 0 or None -> ''."""
    try:
        minutes = int(minutes or 0)
    except (TypeError, ValueError):
        return ""
    if minutes <= 0:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


@register.filter
def usd(amount):
    """Decimal('49.00') -> '$49'; Decimal('49.50') -> '$49.50'."""
    if amount is None:
        return ""
    text = f"{amount:,.2f}"
    return f"${text[:-3]}" if text.endswith(".00") else f"${text}"


@register.simple_tag(takes_context=True)
def course_offer(context):
    """`{% course_offer as offer %}`: what enrolling gives this viewer (see offer.py);
    reads the page's `outline`, so the enroll view's re-rendered panel works too."""
    return enrollment_offer(context["outline"], viewer_tier(context.get("request")))


@register.simple_tag(takes_context=True)
def lesson_body(context, lesson):
    """`{% lesson_body page %}`: the body for the context's viewer tier (cached per tier)."""
    return lesson_body_html(lesson, context)


ACCESS_BADGES = {
    "premium": ("badge badge--premium", "Premium"),
    "registered": ("badge", "Members"),
}


@register.simple_tag(takes_context=True)
def lesson_badges(context, lesson):
    """Type, length, access and a lock for the viewer's tier; a tag rather than an
    include because the outline shows it for every lesson of the course."""
    if lesson.is_free_preview:
        access = ("badge badge--free", "Free preview")
    else:
        access = ACCESS_BADGES.get(lesson.access_level, ("badge badge--free", "Free"))
    length = duration(lesson.duration_minutes)
    lock = ""
    tier = context.get("viewer_tier")
    if not lesson.is_visible_to(Tier.GUEST if tier is None else tier):
        lock = format_html(
            '<span class="lock" role="img" aria-label="Locked">{}</span>',
            heroicon_mini("lock-closed", size=16),
        )
    return format_html(
        '<span class="lesson-meta"><span class="badge">{}</span>{}'
        '<span class="{}">{}</span>{}</span>',
        lesson.get_lesson_type_display(),
        format_html("<span>{}</span>", length) if length else "",
        *access,
        lock,
    )


@register.filter
def visible_to(lesson, tier):
    return lesson.is_visible_to(tier)


@register.simple_tag
def jsonld(data):
    """A <script type="application/ld+json"> element for schema.org data."""
    return jsonld_script(data)


@register.simple_tag(takes_context=True)
def breadcrumb_jsonld(context, crumbs):
    """schema.org BreadcrumbList for a list of pages, with absolute URLs."""
    request = context.get("request")
    items = [
        {
            "@type": "ListItem",
            "position": position,
            "name": page.title,
            "item": page.get_full_url(request),
        }
        for position, page in enumerate(crumbs, start=1)
    ]
    return jsonld(
        {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}
    )


@register.filter
def in_set(value, collection):
    """`lesson.pk|in_set:progress.completed_ids`; False when there is no collection."""
    return bool(collection) and value in collection


@register.filter
def lessons_done(progress, module):
    """How many of a module's live lessons the learner completed."""
    return progress.module_counts(module)[0]
