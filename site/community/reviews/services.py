"""Write paths for reviews (docs/architecture.md, "Write paths"): views, the admin and the
demo call these, nothing else
writes a review, a vote or a course rating.

Counters are recomputed from their source rows, never incremented, so a retry, a double
click or two moderators acting at once leave the numbers right. A course's rating is
recomputed after the transaction that changed its reviews commits.
"""

from decimal import ROUND_HALF_UP, Decimal
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Q
from django.utils import timezone

from accounts.standing import has_verified_email
from core.fragments import Refused
from learning.courses.models import CoursePage
from learning.enrollments.models import LessonProgress
from learning.enrollments.services import current_enrollment

from . import notifying
from .models import CourseRating, HelpfulVote, Review, ReviewSettings

NOT_ENROLLED = "Enroll in the course to review it."
NO_SUCH_REVIEW = "That review does not exist."
# Reviews a moderator has not looked at yet since they were written or last edited.
PENDING = Q(is_approved=False, moderated_at__isnull=True)
REJECTED = Q(is_approved=False, moderated_at__isnull=False)


class ReviewError(Refused):
    """Refused: a review or vote request the learner should hear about."""


def review_status(review):
    """What the author sees about their own review."""
    if review.is_approved:
        return "Published"
    if review.moderated_at is not None:
        return "Not published"
    return "Awaiting moderation"


def submit_review(user, course, rating, title, text):
    """Write the learner's review of `course`, or edit the one they wrote; returns it.

    Only learners currently enrolled may write or edit. A new or edited review waits
    for a moderator unless the site auto-approves reviews.
    """
    if not user.is_authenticated:
        raise ReviewError("Log in to review this course.", status=403)
    enrollment = current_enrollment(user, course.pk)
    if enrollment is None:
        raise ReviewError(NOT_ENROLLED, status=403)
    content = {"rating": rating, "title": (title or "").strip(), "text": (text or "").strip()}
    verified = LessonProgress.objects.filter(enrollment=enrollment, completed=True).exists()
    auto_approve = ReviewSettings.load().auto_approve
    try:
        review, changed = _save_review(user, course, content, verified, auto_approve)
    except IntegrityError:
        # A parallel first submission won the unique constraint: edit the row it made.
        review, changed = _save_review(user, course, content, verified, auto_approve)
    if changed and review.is_approved:
        notifying.review_published(review)
    recompute_on_commit([course.pk])
    return review


def _save_review(user, course, content, verified, auto_approve):
    with transaction.atomic():
        review = Review.objects.select_for_update().filter(user=user, course=course).first()
        unchanged = review is not None and all(
            str(getattr(review, name)) == str(value) for name, value in content.items()
        )
        review = review or Review(user=user, course=course)
        for name, value in content.items():
            setattr(review, name, value)
        review.is_verified_learner = verified
        if not unchanged:  # resubmitting the same words (a double click) keeps the verdict
            review.is_approved = auto_approve
            review.moderated_by = review.moderated_at = None
        try:
            review.full_clean(
                exclude=["user", "course", "moderated_by"],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            raise ReviewError(" ".join(error.messages)) from error
        review.save()
    return review, not unchanged


def delete_review(user, review_id):
    """Delete the learner's own review (another learner's id is "not found")."""
    with transaction.atomic():
        review = Review.objects.select_related("course").filter(pk=review_id, user=user).first()
        if review is None:
            raise ReviewError(NO_SUCH_REVIEW, status=404)
        review.delete()  # signals.py recomputes the course's rating after commit
    return review


def approve(reviews, moderator):
    """Publish the given reviews (instances or ids); returns how many changed."""
    return _moderate(reviews, moderator, approved=True)


def reject(reviews, moderator):
    """Keep the reviews unpublished, marked as seen, so their authors read "Not published"."""
    return _moderate(reviews, moderator, approved=False)


def _moderate(reviews, moderator, approved):
    ids = {getattr(review, "pk", review) for review in reviews}
    changing = Review.objects.filter(pk__in=ids)
    changing = changing.filter(is_approved=False) if approved else changing.exclude(REJECTED)
    with transaction.atomic():
        reviews = list(changing.select_for_update(of=("self",)).select_related("course", "user"))
        course_ids = {review.course_id for review in reviews}
        changed = Review.objects.filter(pk__in=[review.pk for review in reviews]).update(
            is_approved=approved, moderated_by=moderator, moderated_at=timezone.now()
        )
        for review in reviews:
            review.is_approved = approved
            notifying.review_moderated(review, moderator)
            if approved:
                notifying.review_published(review)
    recompute_on_commit(course_ids)
    return changed


def _voteable_review(review_id):
    """A published review of a live, public course; anything else is "not found"."""
    courses = CoursePage.objects.live().public()
    review = Review.objects.filter(pk=review_id, is_approved=True, course__in=courses).first()
    if review is None:
        raise ReviewError(NO_SUCH_REVIEW, status=404)
    return review


def vote_helpful(user, review_id):
    """Record that `user` found a published review helpful (once, however often they ask)."""
    if not user.is_authenticated:
        raise ReviewError("Log in to vote.", status=403)
    if not has_verified_email(user):
        raise ReviewError("Confirm your email address before you vote.", status=403)
    review = _voteable_review(review_id)
    if review.user_id == user.pk:
        raise ReviewError("You can't vote for your own review.", status=403)
    with transaction.atomic():
        # The row lock makes parallel votes take turns, so each count sees the votes before it.
        Review.objects.select_for_update().filter(pk=review.pk).first()
        try:
            with transaction.atomic():
                HelpfulVote.objects.create(review=review, user=user)
        except IntegrityError:
            pass  # already voted: the constraint keeps it to one
        return _refresh_helpful_count(review)


def unvote(user, review_id):
    """Take back the learner's helpful vote (a no-op when there is none)."""
    review = _voteable_review(review_id)
    with transaction.atomic():
        Review.objects.select_for_update().filter(pk=review.pk).first()
        HelpfulVote.objects.filter(review=review, user=user).delete()
        return _refresh_helpful_count(review)


def recount_helpful(review_id):
    """Set a review's helpful count from its vote rows, under the review's row lock.

    Counting without the lock (as a post-delete hook once did) could read the votes
    before a parallel vote committed and then write that stale count after it."""
    with transaction.atomic():
        review = Review.objects.select_for_update().filter(pk=review_id).first()
        if review is not None:
            _refresh_helpful_count(review)


def _refresh_helpful_count(review):
    review.helpful_count = HelpfulVote.objects.filter(review=review).count()
    Review.objects.filter(pk=review.pk).update(helpful_count=review.helpful_count)
    return review


def recompute_course_rating(course_id):
    """Set the course's average and count from its approved reviews (safe to repeat).

    A course without approved reviews has no CourseRating row, which reads as "No
    reviews yet" everywhere.
    """
    stats = Review.objects.filter(course_id=course_id, is_approved=True).aggregate(
        average=Avg("rating"), count=Count("pk")
    )
    if not stats["count"]:
        CourseRating.objects.filter(course_id=course_id).delete()
        return None
    average = Decimal(str(stats["average"])).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    rating, _ = CourseRating.objects.update_or_create(
        course_id=course_id, defaults={"average": average, "count": stats["count"]}
    )
    return rating


def recompute_on_commit(course_ids):
    for course_id in sorted(set(course_ids)):
        transaction.on_commit(partial(recompute_course_rating, course_id))
