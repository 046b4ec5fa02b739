"""``{{ card.front|card_html }}``: every template that shows a card goes through this."""

from django import template
from django.utils.safestring import mark_safe

from learning.flashcards.sanitize import card_text, clean_card_html

register = template.Library()


@register.filter
def card_html(value):
    """Re-clean stored card HTML (defence in depth) and mark it safe."""
    return mark_safe(clean_card_html(value))  # noqa: S308 - output of the allowlist cleaner


@register.filter
def card_plain(value):
    """Card HTML as plain text (titles, aria labels, snippets)."""
    return card_text(value)
