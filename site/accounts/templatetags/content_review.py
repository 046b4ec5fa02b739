"""``{% content_review obj %}``: "Reviewed by Ida Instructor, CFI 1234567 · current as of
2 Dec 2026" under a lesson, quiz, deck or oral question, so learners know who vouched for it.

The object must have been loaded with ``reviewed_by__profile`` (select_related) so the
line costs no queries.
"""

from django import template

from accounts.content_review import reviewer_credit

register = template.Library()


@register.inclusion_tag("components/content_review.html")
def content_review(obj, compact=False):
    reviewer = getattr(obj, "reviewed_by", None)
    return {
        "credit": reviewer_credit(reviewer),
        "current_as_of": getattr(obj, "current_as_of", None),
        "review_is_due": getattr(obj, "review_is_due", False),
        "compact": compact,
    }
