"""The stats pages (overall and per deck) and the "optimize my parameters" button.

Per-user pages: never cached, only the learner's own decks or the decks they study
(anything else is a 404, so ids of other learners' decks reveal nothing).
"""

from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from accounts.standing import learner_required
from core.fragments import fragment_or_redirect, refusal
from core.outbox import enqueue
from core.ratelimit import throttled

from .. import optimizer
from ..models import Deck, StudySettings
from .charts import stats_charts
from .figures import flashcard_stats

NOT_VERIFIED = "Confirm your email address to study flashcards."
NO_SUCH_DECK = "We could not find that deck among the decks you study."
TOO_MANY_FITS = (
    "Your parameters were fitted a short while ago, and another fit so soon would give "
    "the same result. Please try again in an hour."
)

learner = learner_required(
    "Log in to see your flashcard statistics.",
    lambda request, **kwargs: reverse("flashcards_stats"),
    NOT_VERIFIED,
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
        "eligible_reviews": (
            # Unsaved settings are the defaults: the clock needs no second query.
            optimizer.eligible_review_count(user, study_settings or StudySettings(user=user))
            if deck is None
            else None
        ),
        "min_reviews": optimizer.MIN_REVIEWS,
    }
    return TemplateResponse(request, "learning/flashcards/stats.html", context)


@require_safe
@learner
def overall_stats(request):
    return stats_page(request)


@require_safe
@learner
def deck_stats(request, deck_id):
    deck = studied_decks(request.user).filter(pk=deck_id).first()
    if deck is None:
        return refusal(request, NO_SUCH_DECK, status=404)
    return stats_page(request, deck)


@require_POST
@learner
def optimize(request):
    """Queue a parameter fit when the learner has enough reviews (the task re-checks)."""
    user = request.user
    if refused := throttled(request, "flashcards_optimize", TOO_MANY_FITS):
        return refused
    count = optimizer.eligible_review_count(user)
    if count < optimizer.MIN_REVIEWS:
        message = (
            f"Personal parameters need {optimizer.MIN_REVIEWS} reviews on different days; "
            f"you have {count}. Until then the well-tested defaults are used."
        )
        return refusal(request, message, status=400)
    from ..services import update_study_settings
    from ..tasks import optimize_parameters

    update_study_settings(user, {"auto_optimize": True})
    enqueue(optimize_parameters, user.pk)
    message = "Fitting your parameters now. Your next reviews will use them once it finishes."
    return fragment_or_redirect(request, None, {}, reverse("flashcards_stats"), message)
