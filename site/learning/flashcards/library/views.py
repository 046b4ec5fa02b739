"""Deck library pages: list, deck page, deck and card forms, CSV export, imports.

Every view needs a signed-in learner with a verified email and reads through
library/services.py, which filters by the requesting user (another learner's private deck,
card or import is a 404). Writes answer with core.fragments' protocol.
"""

import secrets

from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import HttpResponseNotAllowed, JsonResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from wagtail.images import get_image_model

from accounts.standing import learner_required
from core.fragments import fragment_or_redirect, refusal
from core.outbox import enqueue
from core.query import as_id, search_text
from core.ratelimit import throttled

from ..imports import csv_io
from ..imports import queue as import_queue
from ..imports import services as importing
from ..imports.tasks import run_import
from ..models import ImportJob, ImportStatus
from ..services import FlashcardError
from . import services as library
from .forms import CardForm, DeckForm, ImportForm

CARDS_PER_PAGE = 25
CARD_IMAGE_FILTER = "max-480x320"
INVALID = "Check the highlighted fields and try again."
TOO_MANY_UPLOADS = (
    "You have uploaded many files in a short time. Please wait an hour before uploading another."
)

learner_view = learner_required(
    "Log in to use your flashcard decks.",
    lambda request, **kwargs: reverse("flashcards_library"),
    "Confirm your email address to use flashcards.",
)


def deck_url(deck):
    return reverse("flashcards_deck", args=[deck.pk])


def _library_page(request, form, status=200, error=None):
    context = {**library.library(request.user), "form": form, "error": error}
    return TemplateResponse(request, "learning/flashcards/library.html", context, status=status)


@require_safe
@learner_view
def library_page(request):
    return _library_page(request, DeckForm())


@require_POST
@learner_view
def deck_create(request):
    form = DeckForm(request.POST)
    if not form.is_valid():
        return _library_page(request, form, status=400, error=INVALID)
    deck = library.create_deck(request.user, form.deck_fields)
    return fragment_or_redirect(request, None, {}, deck_url(deck), f"Deck “{deck.name}” created.")


def _deck_page(request, deck, card_form=None, status=200, error=None):
    query = search_text(request.GET, "q")
    images = get_image_model().objects.prefetch_renditions(CARD_IMAGE_FILTER)
    cards = (
        deck.cards.select_related("category")
        .prefetch_related(Prefetch("image", queryset=images))
        .order_by("position", "pk")
    )
    if query:
        cards = cards.filter(
            Q(front__icontains=query) | Q(back__icontains=query) | Q(tags__icontains=query)
        )
    page = Paginator(cards, CARDS_PER_PAGE).get_page(request.GET.get("page"))
    is_owner = deck.owner_id == request.user.pk
    context = {
        "deck": deck,
        "page_obj": page,
        "cards": page.object_list,
        "q": query,
        "query": f"q={query}" if query else "",
        "is_owner": is_owner,
        "card_form": card_form or (CardForm() if is_owner else None),
        "studying": deck.students.filter(user=request.user).exists(),
        "error": error,
    }
    return TemplateResponse(request, "learning/flashcards/deck.html", context, status=status)


@require_safe
@learner_view
def deck_detail(request, deck_id):
    return _deck_page(request, library.visible_deck(request.user, deck_id))


@learner_view
def deck_edit(request, deck_id):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    deck = library.own_deck(request.user, deck_id)
    form = DeckForm(request.POST if request.method == "POST" else None, instance=deck)
    if request.method == "POST":
        if form.is_valid():
            library.update_deck(request.user, deck_id, form.deck_fields)
            return fragment_or_redirect(request, None, {}, deck_url(deck), "Deck saved.")
        deck.refresh_from_db()
    status = 400 if form.is_bound else 200
    context = {"deck": deck, "form": form, "error": INVALID if form.is_bound else None}
    return TemplateResponse(request, "learning/flashcards/deck_form.html", context, status=status)


@learner_view
def deck_delete(request, deck_id):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if request.method == "POST":
        deck = library.delete_deck(request.user, deck_id)
        message = f"Deck “{deck.name}” and its cards are deleted."
        return fragment_or_redirect(request, None, {}, reverse("flashcards_library"), message)
    deck = library.own_deck(request.user, deck_id)
    context = {"deck": deck, "card_count": deck.cards.count()}
    return TemplateResponse(request, "learning/flashcards/deck_delete.html", context)


def _card_values(form):
    return form.cleaned_data, form.cleaned_data.get("acs_elements") or []


@require_POST
@learner_view
def card_create(request, deck_id):
    deck = library.own_deck(request.user, deck_id)
    form = CardForm(request.POST, request.FILES)
    if not form.is_valid():
        return _deck_page(request, deck, card_form=form, status=400, error=INVALID)
    try:
        library.create_card(request.user, deck_id, *_card_values(form))
    except FlashcardError as error:
        return _deck_page(request, deck, card_form=form, status=error.status, error=error.message)
    return fragment_or_redirect(request, None, {}, f"{deck_url(deck)}#add-card", "Card added.")


@learner_view
def card_edit(request, card_id):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    card = library.own_card(request.user, card_id)
    if request.method == "POST":
        form = CardForm(request.POST, request.FILES, card=card)
        error = INVALID
        if form.is_valid():
            try:
                library.update_card(request.user, card_id, *_card_values(form))
            except FlashcardError as refused:
                error = refused.message
            else:
                url = f"{deck_url(card.deck)}#card-{card.pk}"
                return fragment_or_redirect(request, None, {}, url, "Card saved.")
    else:
        form, error = CardForm.for_card(card), None
    status = 400 if form.is_bound else 200
    context = {"card": card, "deck": card.deck, "form": form, "error": error}
    return TemplateResponse(request, "learning/flashcards/card_form.html", context, status=status)


@learner_view
def card_delete(request, card_id):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if request.method == "POST":
        card = library.delete_card(request.user, card_id)
        return fragment_or_redirect(request, None, {}, deck_url(card.deck), "Card deleted.")
    card = library.own_card(request.user, card_id)
    context = {"card": card, "deck": card.deck}
    return TemplateResponse(request, "learning/flashcards/card_delete.html", context)


@require_POST
@learner_view
def deck_study(request, deck_id):
    if request.POST.get("action") == "stop":
        deck = library.remove_from_study(request.user, deck_id)
        message = f"“{deck.name}” is no longer in your study queue."
    else:
        deck = library.add_to_study(request.user, deck_id)
        message = f"“{deck.name}” is now in your study queue."
    return fragment_or_redirect(request, None, {}, deck_url(deck), message)


@require_safe
@learner_view
def deck_export(request, deck_id):
    deck = library.visible_deck(request.user, deck_id)
    cards = deck.cards.order_by("position", "pk").only("front", "back", "tags").iterator()
    response = StreamingHttpResponse(csv_io.export_lines(cards), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="deck-{deck.pk}.csv"'
    return response


def _own_job(user, job_id):
    job = ImportJob.objects.filter(pk=job_id, user=user).select_related("deck").first()
    if job is None:
        raise FlashcardError("We could not find that import.", status=404)
    return job


def _import_page(request, form, status=200, error=None):
    context = {"form": form, "error": error}
    return TemplateResponse(request, "learning/flashcards/import.html", context, status=status)


@learner_view
def import_upload(request):
    """Upload a CSV (previewed on the job page before it runs) or an Anki package (runs
    at once in the background). The upload is stored under a random name."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if request.method != "POST":
        form = ImportForm(user=request.user, initial={"deck": as_id(request.GET.get("deck", ""))})
        return _import_page(request, form)
    if refused := throttled(request, "flashcards_upload", TOO_MANY_UPLOADS):
        return refused
    form = ImportForm(request.POST, request.FILES, user=request.user)
    if not form.is_valid():
        return _import_page(request, form, status=400, error=INVALID)
    upload, kind = form.cleaned_data["file"], form.kind
    with transaction.atomic():
        job = ImportJob.objects.create(
            user=request.user,
            deck=form.cleaned_data["deck"],
            kind=kind,
            original_name=(upload.name or "upload")[:255].replace("\x00", ""),
        )
        job.upload.save(f"{secrets.token_hex(16)}.{kind}", upload, save=True)
        if kind == "apkg":
            enqueue(run_import, job.pk)
    return fragment_or_redirect(request, None, {}, job_url(job))


def job_url(job):
    return reverse("flashcards_import_job", args=[job.pk])


def _preview(job):
    """Parse a waiting CSV upload for the preview: its first rows and every error."""
    if job.kind != "csv" or job.status != ImportStatus.PENDING or not job.upload:
        return None
    try:
        with job.upload.open("rb") as file:
            parsed = importing.parse(file.read(), "csv")
    except (importing.ImportRefused, OSError) as error:
        return {"refused": getattr(error, "message", "The uploaded file is gone.")}
    return {"rows": parsed.cards[:10], "count": len(parsed.cards), "errors": parsed.errors[:200]}


@require_safe
@learner_view
def import_job(request, job_id):
    job = _own_job(request.user, job_id)
    queued = import_queue.queue_state(job)  # a confirmed run waiting for the worker
    context = {"job": job, "preview": None if queued else _preview(job)}
    context["running"] = (
        bool(queued)
        or job.status == ImportStatus.RUNNING
        or (job.status == ImportStatus.PENDING and job.kind == "apkg")
    )
    context["queued"] = queued == import_queue.QUEUED
    context["status_label"] = import_queue.status_label(job, queued)
    context["queued_message"] = import_queue.QUEUED_MESSAGE
    return TemplateResponse(request, "learning/flashcards/import_job.html", context)


@require_safe
@learner_view
def import_status(request, job_id):
    job = _own_job(request.user, job_id)
    queued = import_queue.queue_state(job)
    return JsonResponse(
        {
            "status": job.status,
            "queued": queued == import_queue.QUEUED,
            "label": import_queue.status_label(job, queued),
            "processed": job.live_processed,
            "total": job.total,
            "percent": job.percent,
            "message": job.message,
            "finished": job.finished_at is not None,
        }
    )


@require_POST
@learner_view
def import_confirm(request, job_id):
    job = _own_job(request.user, job_id)
    preview = _preview(job)
    if preview is None:
        return refusal(request, "This import is not waiting for confirmation.", status=409)
    if preview.get("refused") or preview["errors"]:
        message = "The file has errors; fix the lines listed and upload it again."
        return refusal(request, message, status=400)
    enqueue(run_import, job.pk)
    return fragment_or_redirect(request, None, {}, job_url(job), "Import started.")
