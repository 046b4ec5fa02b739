"""The stats pages (overall and per deck) and the "optimize my parameters" button.

Per-user pages: never cached, only the learner's own decks or the decks they study
(anything else is a 404, so ids of other learners' decks reveal nothing).
"""

from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from core.outbox import enqueue
from core.ratelimit import throttled
from learning.enrollments.services import has_verified_email
from pages.fragments import fragment_or_redirect, refusal, sign_in_required

from . import optimizer
from .charts import stats_charts
from .models import Deck, StudySettings
from .stats import flashcard_stats

NOT_VERIFIED = "Confirm your email address to study flashcards."
NO_SUCH_DECK = "We could not find that deck among the decks you study."
TOO_MANY_FITS = (
    "Your parameters were fitted a short while ago, and another fit so soon would give "
    "the same result. Please try again in an hour."
)

signed_in = sign_in_required(
    "Log in to see your flashcard statistics.",
    lambda request, **kwargs: reverse("flashcards_stats"),
)


def studied_decks(user):
    return Deck.objects.filter(Q(owner=user) | Q(students__user=user)).distinct()


def stats_page(request, deck=None):
    user = request.user
    stats = flashcard_stats(user, deck)
    study_settings = StudySettings.objects.filter(user=user).first()
    context = {
        "deck": deck,
        "stats": stats,
        "charts": stats_charts(stats),
        "decks": list(studied_decks(user).only("pk", "name")),
        "study_settings": study_settings,
        "eligible_reviews": optimizer.eligible_review_count(user) if deck is None else None,
        "min_reviews": optimizer.MIN_REVIEWS,
    }
    return TemplateResponse(request, "learning/flashcards/stats.html", context)


@require_safe
@signed_in
def overall_stats(request):
    if not has_verified_email(request.user):
        return refusal(request, NOT_VERIFIED, status=403)
    return stats_page(request)


@require_safe
@signed_in
def deck_stats(request, deck_id):
    if not has_verified_email(request.user):
        return refusal(request, NOT_VERIFIED, status=403)
    deck = studied_decks(request.user).filter(pk=deck_id).first()
    if deck is None:
        return refusal(request, NO_SUCH_DECK, status=404)
    return stats_page(request, deck)


@require_POST
@signed_in
def optimize(request):
    """Queue a parameter fit when the learner has enough reviews (the task re-checks)."""
    user = request.user
    if not has_verified_email(user):
        return refusal(request, NOT_VERIFIED, status=403)
    if refused := throttled(request, "flashcards_optimize", TOO_MANY_FITS):
        return refused
    count = optimizer.eligible_review_count(user)
    if count < optimizer.MIN_REVIEWS:
        message = (
            f"Personal parameters need {optimizer.MIN_REVIEWS} reviews on different days; "
            f"you have {count}. Until then the well-tested defaults are used."
        )
        return refusal(request, message, status=400)
    from .services import update_study_settings
    from .tasks import optimize_parameters

    update_study_settings(user, {"auto_optimize": True})
    enqueue(optimize_parameters, user.pk)
    message = "Fitting your parameters now. Your next reviews will use them once it finishes."
    return fragment_or_redirect(request, None, {}, reverse("flashcards_stats"), message)
