"""Keep ratings and helpful counts right when reviews or votes go with something else
(a deleted account takes its reviews and votes; a deleted course its reviews)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import HelpfulVote, Review


@receiver(post_delete, sender=Review)
def recompute_rating_after_review_delete(sender, instance, **kwargs):
    from .services import recompute_on_commit

    recompute_on_commit([instance.course_id])


@receiver(post_delete, sender=HelpfulVote)
def recount_helpful_after_vote_delete(sender, instance, **kwargs):
    from .services import recount_helpful

    transaction.on_commit(lambda: recount_helpful(instance.review_id), robust=True)
