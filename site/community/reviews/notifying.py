"""Who hears about reviews: the author about the moderation result, the course's
instructors about a newly published review of their course."""

from django.urls import reverse

from community.notifications.services import notify
from learning.courses.teaching import instructor_ids


def reviews_url(course_id):
    return reverse("course_reviews", args=[course_id])


def review_published(review):
    """Tell the course's instructors (the author never: they are the actor)."""
    return notify(
        instructor_ids(review.course_id),
        "new_review",
        text=f"New {review.rating}-star review of “{review.course.title}”: {review.title}",
        url=reviews_url(review.course_id),
        actor=review.user,
        target=review,
    )


def review_moderated(review, moderator):
    """Tell the author whether their review is published."""
    result = "is published" if review.is_approved else "was not published"
    return notify(
        [review.user_id],
        "review_update",
        text=f"Your review of “{review.course.title}” {result}",
        url=reviews_url(review.course_id),
        actor=moderator,
        target=review,
    )
