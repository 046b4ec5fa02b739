"""`{% course_cards courses %}`: a listing's course cards, from the card cache."""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def course_cards(context, courses, heading_level=2):
    """`courses`: course ids (a listing's page of them) or courses, in display order."""
    from ..cards import cards_html

    ids = [getattr(course, "pk", course) for course in courses]
    html = cards_html(ids, context["request"], heading_level) if ids else []
    return mark_safe("".join(html))  # noqa: S308 - each card was rendered by its template
