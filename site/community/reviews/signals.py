"""Keep ratings and helpful counts right when reviews or votes go with something else
(a deleted account takes its reviews and votes; a deleted course its reviews)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import CourseRating, HelpfulVote, Review


@receiver(post_save, sender=CourseRating, dispatch_uid="rating-cards-save")
@receiver(post_delete, sender=CourseRating, dispatch_uid="rating-cards-delete")
def redraw_cards_after_rating_change(sender, **kwargs):
    """Course cards and home sections show the rating (pages.section_cache): every
    approval, edit, rejection or deletion recomputes it through this model."""
    from pages.section_cache import listing_changed

    listing_changed()


@receiver(post_delete, sender=Review)
def recompute_rating_after_review_delete(sender, instance, **kwargs):
    from .services import recompute_on_commit

    recompute_on_commit([instance.course_id])


@receiver(post_delete, sender=HelpfulVote)
def recount_helpful_after_vote_delete(sender, instance, **kwargs):
    from .services import recount_helpful

    transaction.on_commit(lambda: recount_helpful(instance.review_id), robust=True)
