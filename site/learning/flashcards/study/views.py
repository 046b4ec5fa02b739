"""The study screen: today's decks, one card at a time, ratings, undo and card actions.

Without JavaScript every step is a plain request: the front (GET), the answer (GET with
``reveal``), a rating (POST, then a redirect to the next card). With JavaScript
(static/js/flashcards-study.js) the same endpoints answer JSON: ``html`` is the next
card's front and ``revealed`` its answer side, so revealing is instant and a rating
never waits for a page load. Every view reads only the signed-in learner's rows.
"""

import secrets
import time
from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from accounts.standing import learner_required
from core.fragments import refusal, wants_fragment
from core.query import as_id

from .. import services
from ..models import Deck, DeckStudy
from ..queue import deck_counts, next_due, todays_queue
from .forms import StudySettingsForm

CARD_FRAGMENT = "learning/flashcards/study_card.html"
CONFIRM_RESET_PAGE = "learning/flashcards/study_confirm_reset.html"
UNVERIFIED = "Confirm your email address before you study flashcards."
NO_DECK = "We could not find that deck in your study."
TOKEN_CHARS = set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.")

learner = learner_required(
    "Log in to study your flashcards.",
    lambda request, **kwargs: reverse("flashcards_study"),
    UNVERIFIED,
)


def new_token():
    """A fresh showing: when it was shown (ms, hex) and a random part."""
    return f"{int(time.time() * 1000):x}.{secrets.token_urlsafe(9)}"


def valid_token(value):
    value = str(value or "")
    return value if 0 < len(value) <= 64 and set(value) <= TOKEN_CHARS else ""


def duration_from(params, token):
    """What the learner spent on the card: the page's own measure, else since shown."""
    measured = as_id(params.get("duration_ms", ""))
    if measured is not None:
        return measured
    shown = token.split(".", 1)[0]
    try:
        return int(time.time() * 1000) - int(shown[:12], 16)
    except ValueError:
        return None


def studied_deck(request, params):
    """The ?deck= the learner studies, None for "all decks", or False when refused."""
    raw = params.get("deck", "")
    if raw in ("", None):
        return None
    deck_id = as_id(raw)
    if deck_id is None:
        return False
    user = request.user
    studied = Q(owner=user) | Q(pk__in=DeckStudy.objects.filter(user=user).values("deck_id"))
    decks = Deck.objects.select_related("reviewed_by__profile")  # the header's review line
    return decks.filter(studied, pk=deck_id).first() or False


def study_url(deck, **params):
    query = {"deck": deck.pk} if deck else {}
    query.update(params)
    url = reverse("flashcards_study")
    return f"{url}?{urlencode(query)}" if query else url


def card_context(request, deck, state=None, token="", revealed=False, now=None, queue=None):
    """Everything the card fragment needs: queue counters, the card (or the summary).
    ``queue`` reuses an already computed queue (the answer side of the same card)."""
    settings = queue.settings if queue else services.study_settings_for(request.user)
    queue = queue or todays_queue(request.user, deck=deck, now=now, settings=settings)
    state = state or queue.next_state()
    context = {"deck": deck, "queue": queue, "state": state, "revealed": revealed}
    if state is None:
        context["next_due"] = next_due(request.user, queue.now)
        return context
    context["token"] = token or new_token()
    context["reveal_url"] = study_url(deck, card=state.card_id, token=context["token"], reveal=1)
    if revealed:
        outcomes = services.preview_outcomes(settings, state, now=queue.now)
        context["buttons"] = [
            (rating, rating.label, outcome.label) for rating, outcome in outcomes.items()
        ]
    return context


def next_card_payload(request, deck, message=None):
    """JSON for the script: the next card's front and its answer side."""
    context = card_context(request, deck)
    payload = {"html": render_to_string(CARD_FRAGMENT, context, request), "message": message}
    if context["state"] is not None:
        revealed = card_context(
            request, deck, context["state"], context["token"], True, queue=context["queue"]
        )
        payload["revealed"] = render_to_string(CARD_FRAGMENT, revealed, request)
    return JsonResponse(payload)


def after_action(request, deck, message):
    if wants_fragment(request):
        return next_card_payload(request, deck, message)
    if message:
        messages.success(request, message)
    return redirect(study_url(deck))


@learner
@require_safe
def study_home(request):
    """The learner's decks with what is due in each."""
    counts, done = deck_counts(request.user)
    user = request.user
    decks = Deck.objects.filter(
        Q(owner=user) | Q(pk__in=DeckStudy.objects.filter(user=user).values("deck_id"))
    ).select_related("course")
    rows = [(deck, counts.get(deck.pk, {"new": 0, "learning": 0, "review": 0})) for deck in decks]
    # The daily limits are shared by all decks, so the total is today's whole queue, not
    # the sum of each deck's share.
    queue = todays_queue(user)
    context = {
        "rows": rows,
        "done": done,
        "total": {
            "new": queue.new_left,
            "learning": queue.learning_left,
            "review": queue.review_left,
        },
    }
    return TemplateResponse(request, "learning/flashcards/study_home.html", context)


@learner
@require_safe
def study(request):
    """One card: its front, or with ``reveal`` its answer and the rating buttons."""
    deck = studied_deck(request, request.GET)
    if deck is False:
        return refusal(request, NO_DECK, status=404)
    state, token, revealed = None, "", False
    if request.GET.get("reveal") and request.GET.get("card"):
        state = services.own_state(request.user, request.GET["card"])
        token, revealed = valid_token(request.GET.get("token")), True
    context = card_context(request, deck, state, token, revealed)
    if wants_fragment(request):
        return JsonResponse({"html": render_to_string(CARD_FRAGMENT, context, request)})
    return TemplateResponse(request, "learning/flashcards/study.html", context)


@learner
@require_POST
def review(request):
    deck = studied_deck(request, request.POST)
    if deck is False:
        return refusal(request, NO_DECK, status=404)
    token = valid_token(request.POST.get("token"))
    if request.POST.get("token") and not token:
        return refusal(request, "That card showing is not valid; reload the page.", status=400)
    _, log, _ = services.review_card(
        request.user,
        request.POST.get("card", ""),
        request.POST.get("rating", ""),
        shown_token=token,
        duration_ms=duration_from(request.POST, token) if token else None,
    )
    return after_action(request, deck, f"Rated {log.get_rating_display()}.")


@learner
@require_POST
def undo(request):
    deck = studied_deck(request, request.POST)
    if deck is False:
        return refusal(request, NO_DECK, status=404)
    state = services.undo_last_review(request.user)
    message = "Your last rating was undone." if state else "There is no rating to undo."
    return after_action(request, deck, message)


CARD_ACTIONS = {
    "suspend": (
        "Card suspended: it stays out of your reviews until you unsuspend it.",
        lambda user, card_id: services.set_suspended(user, card_id, True),
    ),
    "unsuspend": (
        "Card back in your reviews.",
        lambda user, card_id: services.set_suspended(user, card_id, False),
    ),
    "bury": ("Card buried until tomorrow.", services.bury),
    "reset": ("Card reset: it will come up again as a new card.", services.reset_card),
}


@learner
@require_POST
def card_action(request, card_id, action):
    """Suspend, unsuspend, bury or reset one of the learner's cards (reset confirms)."""
    deck = studied_deck(request, request.POST)
    if deck is False or action not in CARD_ACTIONS:
        return refusal(request, NO_DECK, status=404)
    message, act = CARD_ACTIONS[action]
    if action == "reset" and request.POST.get("confirm") != "yes":
        state = services.own_state(request.user, card_id)
        context = {"state": state, "deck": deck}
        return TemplateResponse(request, CONFIRM_RESET_PAGE, context)
    act(request.user, card_id)
    return after_action(request, deck, message)


@learner
def study_settings(request):
    """Limits, steps, retention; shows whether FSRS uses personal parameters."""
    if request.method not in ("GET", "HEAD", "POST"):
        return refusal(request, "Use the form to change your settings.", status=405)
    settings = services.study_settings_for(request.user)
    form = StudySettingsForm(request.POST or None, instance=settings)
    if request.method == "POST":
        if form.is_valid():
            services.update_study_settings(request.user, form.settings_fields)
            messages.success(request, "Your study settings are saved.")
            return redirect("flashcards_settings")
        return TemplateResponse(
            request,
            "learning/flashcards/settings.html",
            {"form": form, "settings": settings, "error": "Check the highlighted fields."},
            status=400,
        )
    return TemplateResponse(
        request, "learning/flashcards/settings.html", {"form": form, "settings": settings}
    )


@learner
@require_POST
def reset_parameters(request):
    services.reset_parameters(request.user)
    messages.success(request, "FSRS is back to its default parameters.")
    return redirect("flashcards_settings")
