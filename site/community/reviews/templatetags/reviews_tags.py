"""Course reviews on course pages and a rating line on catalog cards."""

from django import template

from ..listing import rating_of, section_context, stars_percent

register = template.Library()


@register.inclusion_tag("community/reviews/section.html", takes_context=True)
def course_reviews(context, course):
    """The course page's reviews section: summary, latest reviews, the viewer's own."""
    return section_context(context["request"], course, progress=context.get("progress"))


@register.inclusion_tag("community/reviews/rating_summary.html")
def rating_summary(course):
    """A star icon and "4.6 (12)" for a course card; free when the cards joined in `rating`."""
    rating = rating_of(course)
    if rating is not None and not rating.count:
        rating = None
    return {"rating": rating, "stars_percent": stars_percent(rating.average if rating else 0)}
