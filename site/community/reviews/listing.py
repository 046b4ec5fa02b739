"""What the reviews section and the all-reviews page show, in a fixed number of queries.

Reviews come with their author and profile in one join; the viewer's helpful votes for
the reviews on screen come in one more query, however many reviews there are.
"""

from learning.enrollments.services import current_enrollment

from .forms import ReviewForm
from .models import CourseRating, HelpfulVote, Review
from .services import review_status

LATEST_COUNT = 5
SORTS = {
    "newest": ("Newest", ["-created_at", "-pk"]),
    "helpful": ("Most helpful", ["-helpful_count", "-created_at", "-pk"]),
}


def approved_reviews(course, sort="newest"):
    return (
        Review.objects.filter(course=course, is_approved=True)
        .select_related("user__profile")
        .order_by(*SORTS[sort][1])
    )


def with_viewer_votes(reviews, user):
    """The reviews as a list, each told whether the viewer voted and may vote."""
    reviews = list(reviews)
    voted = set()
    if user.is_authenticated and reviews:
        voted = set(
            HelpfulVote.objects.filter(user=user, review__in=reviews).values_list(
                "review_id", flat=True
            )
        )
    for review in reviews:
        mark_viewer(review, user, review.pk in voted)
    return reviews


def mark_viewer(review, user, voted):
    review.viewer_voted = voted
    review.viewer_can_vote = user.is_authenticated and review.user_id != user.pk


def rating_of(course):
    """The course's CourseRating, or None; uses `course.rating` when it was joined in."""
    try:
        return course.rating
    except CourseRating.DoesNotExist:
        return None


def stars_percent(rating):
    """How much of a five-star row to fill for a rating (for the CSS star display)."""
    return round(float(rating) * 20, 1) if rating else 0


def summary_context(course, fresh=True):
    """The course's average for the summary: read fresh after a write (which may just
    have changed it), else the one the course page already loaded for its JSON-LD."""
    if fresh:
        rating = CourseRating.objects.filter(course_id=course.pk).first()
    else:
        rating = rating_of(course)
    return {"rating": rating, "stars_percent": stars_percent(rating.average if rating else 0)}


def section_context(request, course, form=None, progress=None):
    """Everything `{% course_reviews %}` renders, also re-rendered by the write views.

    The course page passes its `progress` (enrollments.progress.LearnerProgress), so
    the section reuses the page's enrollment and rating instead of querying again.
    """
    user = request.user
    own = enrolled = None
    if course.pk is None:  # an editor previewing a course that was never saved
        return {"request": request, "user": user, "course": course, "reviews": []}
    if user.is_authenticated:
        own = Review.objects.filter(user=user, course=course).first()
        if progress is not None:
            enrolled = progress.is_enrolled
        else:
            enrolled = current_enrollment(user, course.pk) is not None
    if form is None and enrolled:
        form = ReviewForm.for_review(own)
    return {
        "request": request,
        "user": user,
        "course": course,
        **summary_context(course, fresh=progress is None),
        "reviews": with_viewer_votes(approved_reviews(course)[:LATEST_COUNT], user),
        "own_review": own,
        "own_status": review_status(own) if own else "",
        "enrolled": enrolled,
        "form": form,
    }
