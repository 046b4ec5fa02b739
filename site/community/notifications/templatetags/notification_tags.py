"""The header bell's unread count: from the per-user cache, so a warm page spends no
query on it (queries.unread_counts)."""

from django import template

from ..queries import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context):
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return unread_count(user.pk)
