"""Review write paths: one review per learner and course, ratings that stay right."""

from decimal import Decimal

import pytest

from accounts.factories import UserFactory
from community.reviews import services
from community.reviews.models import CourseRating, HelpfulVote, Review
from learning.enrollments.factories import complete, enroll
from learning.enrollments.services import leave

from .conftest import published_review


def rating_of(course):
    rating = CourseRating.objects.filter(course=course).first()
    return (rating.average, rating.count) if rating else None


def test_learner_not_enrolled_is_refused(course, learner):
    with pytest.raises(services.ReviewError) as refused:
        services.submit_review(learner, course, 5, "Great", "Loved every lesson of it.")
    assert refused.value.status == 403
    assert "Enroll in the course to review it" in refused.value.message
    assert not Review.objects.exists()


def test_dropped_learner_is_refused(course, learner, enrolled):
    leave(learner, course)
    with pytest.raises(services.ReviewError):
        services.submit_review(learner, course, 5, "Great", "Loved every lesson of it.")


def test_editing_keeps_one_review_per_learner_and_course(course, learner, enrolled):
    first = services.submit_review(learner, course, 3, "Okay", "Decent coverage overall.")
    again = services.submit_review(learner, course, 5, "Great", "  Better on second look.  ")
    assert Review.objects.filter(user=learner, course=course).count() == 1
    assert again.pk == first.pk
    review = Review.objects.get(pk=first.pk)
    assert (review.rating, review.title, review.text) == (5, "Great", "Better on second look.")


def test_new_reviews_wait_for_moderation_unless_auto_approved(course, learner, enrolled):
    review = services.submit_review(learner, course, 4, "Good", "Good airspace lessons.")
    assert not review.is_approved
    assert services.review_status(review) == "Awaiting moderation"


def test_auto_approve_publishes_new_and_edited_reviews(
    course, learner, enrolled, auto_approve, commit
):
    with commit():
        services.submit_review(learner, course, 4, "Good", "Good airspace lessons.")
    assert Review.objects.get().is_approved
    assert rating_of(course) == (Decimal("4.00"), 1)
    with commit():
        services.submit_review(learner, course, 2, "Meh", "Weather part was thin.")
    assert Review.objects.get().is_approved
    assert rating_of(course) == (Decimal("2.00"), 1)


def test_editing_an_approved_review_sends_it_back_to_moderation(course, learner, enrolled, commit):
    with commit():
        review = services.submit_review(learner, course, 4, "Good", "Good airspace lessons.")
        services.approve([review], moderator=None)
    assert rating_of(course) == (Decimal("4.00"), 1)
    with commit():
        services.submit_review(learner, course, 1, "Changed", "I changed my mind on it.")
    review.refresh_from_db()
    assert not review.is_approved
    assert review.moderated_at is None
    assert rating_of(course) is None


def test_resubmitting_the_same_words_keeps_the_verdict(course, learner, enrolled):
    review = services.submit_review(learner, course, 4, "Good", "Good airspace lessons.")
    services.approve([review], moderator=None)
    services.submit_review(learner, course, 4, "Good", "Good airspace lessons.")
    assert Review.objects.get(pk=review.pk).is_approved


def test_verified_learner_has_completed_a_lesson(course, learner, other_learner, enrolled):
    enroll(other_learner, course)
    complete(other_learner, course.lessons[:1])
    fresh = services.submit_review(learner, course, 4, "Good", "Good airspace lessons.")
    done = services.submit_review(other_learner, course, 4, "Good", "Good airspace lessons.")
    assert not fresh.is_verified_learner
    assert done.is_verified_learner


def test_invalid_values_are_refused_by_the_service_too(course, learner, enrolled):
    for rating, text in ((0, "Long enough text."), (6, "Long enough text."), (3, "short")):
        with pytest.raises(services.ReviewError):
            services.submit_review(learner, course, rating, "Title", text)
    assert not Review.objects.exists()


def test_average_and_count_follow_approve_reject_edit_and_delete(course, commit):
    with commit():
        five = published_review(course, rating=5)
        three = published_review(course, rating=3)
        pending_author = UserFactory()
        enroll(pending_author, course)
        pending = services.submit_review(pending_author, course, 1, "Bad", "Did not like it.")
    assert rating_of(course) == (Decimal("4.00"), 2)

    with commit():
        assert services.approve([pending.pk], moderator=None) == 1
    assert rating_of(course) == (Decimal("3.00"), 3)

    with commit():
        assert services.reject([five], moderator=None) == 1
    assert rating_of(course) == (Decimal("2.00"), 2)
    five.refresh_from_db()
    assert services.review_status(five) == "Not published"

    with commit():
        services.delete_review(three.user, three.pk)
    assert rating_of(course) == (Decimal("1.00"), 1)

    with commit():
        services.reject([pending], moderator=None)
    assert rating_of(course) is None


def test_recompute_is_safe_to_repeat(course, commit):
    with commit():
        published_review(course, rating=5)
        published_review(course, rating=4)
    for _ in range(3):
        services.recompute_course_rating(course.pk)
    assert rating_of(course) == (Decimal("4.50"), 2)
    assert CourseRating.objects.count() == 1


def test_approving_twice_changes_nothing_the_second_time(course, learner, enrolled):
    review = services.submit_review(learner, course, 4, "Good", "Good airspace lessons.")
    assert services.approve([review], moderator=None) == 1
    assert services.approve([review], moderator=None) == 0


def test_learners_delete_only_their_own_review(course, learner, other_learner, enrolled):
    review = services.submit_review(learner, course, 4, "Good", "Good airspace lessons.")
    with pytest.raises(services.ReviewError) as refused:
        services.delete_review(other_learner, review.pk)
    assert refused.value.status == 404
    assert Review.objects.filter(pk=review.pk).exists()


def test_helpful_votes_count_once_per_learner(course, learner):
    review = published_review(course)
    services.vote_helpful(learner, review.pk)
    services.vote_helpful(learner, review.pk)
    voter = UserFactory()
    services.vote_helpful(voter, review.pk)
    review.refresh_from_db()
    assert review.helpful_count == 2 == HelpfulVote.objects.filter(review=review).count()

    services.unvote(learner, review.pk)
    services.unvote(learner, review.pk)
    review.refresh_from_db()
    assert review.helpful_count == 1


def test_a_drifted_helpful_count_is_recounted_not_incremented(course, learner):
    review = published_review(course)
    Review.objects.filter(pk=review.pk).update(helpful_count=40)
    services.vote_helpful(learner, review.pk)
    review.refresh_from_db()
    assert review.helpful_count == 1


def test_authors_cannot_vote_for_their_own_review(course):
    review = published_review(course)
    with pytest.raises(services.ReviewError) as refused:
        services.vote_helpful(review.user, review.pk)
    assert refused.value.status == 403
    assert not HelpfulVote.objects.exists()


def test_only_published_reviews_take_votes(course, learner, other_learner, enrolled):
    pending = services.submit_review(learner, course, 4, "Good", "Good airspace lessons.")
    with pytest.raises(services.ReviewError) as refused:
        services.vote_helpful(other_learner, pending.pk)
    assert refused.value.status == 404


def test_editing_a_rejected_review_asks_for_moderation_again(course, learner, enrolled):
    review = services.submit_review(learner, course, 2, "Rant", "Some words I regret.")
    services.reject([review], moderator=None)
    services.submit_review(learner, course, 3, "Fairer", "A calmer second take.")
    review.refresh_from_db()
    assert services.review_status(review) == "Awaiting moderation"


def test_reviews_of_unpublished_courses_take_no_votes(course, learner):
    review = published_review(course)
    course.unpublish()
    with pytest.raises(services.ReviewError) as refused:
        services.vote_helpful(learner, review.pk)
    assert refused.value.status == 404
    assert not HelpfulVote.objects.exists()


def test_an_unverified_account_cannot_vote(course):
    review = published_review(course)
    with pytest.raises(services.ReviewError) as refused:
        services.vote_helpful(UserFactory(verified=False), review.pk)
    assert refused.value.status == 403
    assert not HelpfulVote.objects.exists()


def test_a_deleted_account_takes_its_review_and_votes_out_of_the_numbers(course, commit):
    with commit():
        kept = published_review(course, rating=5)
        gone = published_review(course, rating=1)
    voter = UserFactory()
    services.vote_helpful(voter, kept.pk)
    assert rating_of(course) == (Decimal("3.00"), 2)
    with commit():
        gone.user.delete()
        voter.delete()
    assert rating_of(course) == (Decimal("5.00"), 1)
    assert Review.objects.get(pk=kept.pk).helpful_count == 0
