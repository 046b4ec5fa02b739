"""The one import service: the upload view, the Celery task and ``import_deck`` call it.

Parsing (csv_io / apkg) happens first and refuses bad files before anything is
written; then everything (decks, cards, images, review history) is written in one
transaction, so a failure leaves nothing half-imported. Images are stored under a
random folder in private storage (deleted again if the transaction fails); cards show
them through the card image view, which lets in whoever may open one of the decks
recorded for the folder (ImportedMedia).
"""

import logging
import secrets
from html import unescape

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from core.storage import private_storage

from ..library.services import clean_tags
from ..models import Deck, Flashcard, ImportedMedia, ImportJob, ImportStatus
from ..models.deck import BACK_MAX_LENGTH, FRONT_MAX_LENGTH
from ..models.imports import progress_key
from ..sanitize import card_media_url, card_text, clean_card_html
from ..services import FlashcardError, replay_history, states_for_new_cards
from .apkg import IMG_TAG, SRC, ApkgRefused, read_package
from .csv_io import CsvRefused, parse_csv, source_key_for

logger = logging.getLogger(__name__)
ZIP_MAGIC = b"PK\x03\x04"
MAX_APKG_UPLOAD = 100 * 1024 * 1024


class ImportRefused(FlashcardError):
    """The file cannot be imported; nothing was written."""


def kind_of(data):
    """CSV or Anki package, chosen by content rather than by the file's name."""
    return "apkg" if data[:4] == ZIP_MAGIC else "csv"


def parse(data, kind):
    try:
        if kind == "apkg":
            if len(data) > MAX_APKG_UPLOAD:
                raise ApkgRefused("The package is larger than 100 MB.")
            return read_package(data)
        return parse_csv(data)
    except (ApkgRefused, CsvRefused) as error:
        raise ImportRefused(str(error)) from None


def _store_media(parsed, saved):
    """Store the package's images; returns their random folder and {Anki name: URL}."""
    folder = secrets.token_hex(12)
    urls = {}
    for index, (name, (extension, data)) in enumerate(sorted(parsed.media.items())):
        path = private_storage().save(f"flashcards/{folder}/{index}.{extension}", ContentFile(data))
        saved.append(path)
        urls[name] = card_media_url(path)
    return folder, urls


def rewrite_images(html, urls):
    """Point <img src="name"> at our stored copies; other images are left for the
    sanitizer, which drops any src but our card image view."""

    def replace(match):
        url = urls.get(unescape(match.group(3)))
        return f'{match.group(1)}"{url}"' if url else match.group(0)

    return IMG_TAG.sub(lambda tag: SRC.sub(replace, tag.group(), count=1), html)


def _final_sides(card, urls):
    front = clean_card_html(rewrite_images(card.front, urls))
    back = clean_card_html(rewrite_images(card.back, urls))
    where = f"Line {card.line}" if card.source_key.startswith("csv:") else "A note"
    label = f"{where} (“{card_text(front)[:40]}”)"
    if not front or not back:
        raise ImportRefused(f"{label} has an empty side once cleaned; fix it and try again.")
    if len(front) > FRONT_MAX_LENGTH or len(back) > BACK_MAX_LENGTH:
        raise ImportRefused(f"{label} is longer than a card can hold; shorten it.")
    return front, back


def _target_decks(user, parsed, deck, deck_name):
    """Cards go into ``deck``, or a deck named ``deck_name``, or (Anki) one deck per
    Anki deck, reusing the learner's deck of the same name on a re-import."""
    if deck is not None:
        return lambda name: deck
    made = {}

    def target(name):
        name = (deck_name or name or "Imported cards")[:120]
        if name not in made:
            made[name] = Deck.objects.filter(owner=user, name=name).order_by(
                "pk"
            ).first() or Deck.objects.create(owner=user, name=name)
        return made[name]

    return target


PROGRESS_EVERY = 50
PROGRESS_TTL = 6 * 60 * 60


def work_units(parsed):
    """What the progress bar counts: each card written, then each history replayed."""
    return len(parsed.cards) + sum(1 for item in parsed.cards if item.reviews)


def cache_progress(job_id):
    """A progress callback for ``write`` that publishes the count for the job page."""
    return lambda done: cache.set(progress_key(job_id), done, PROGRESS_TTL)


def write(user, parsed, deck=None, deck_name="", progress=None):
    """Write parsed cards; returns the summary. One transaction; re-imports update.

    ``progress(done)``, when given, is called as cards are written and histories
    replayed (out of ``work_units(parsed)``)."""
    if parsed.errors:
        raise ImportRefused("The file has errors; fix the lines listed and upload it again.")
    saved = []
    try:
        with transaction.atomic():
            folder, urls = _store_media(parsed, saved)
            target = _target_decks(user, parsed, deck, deck_name)
            summary = _write_cards(user, parsed, urls, target, progress or (lambda done: None))
            summary["images"] = len(urls)
            if urls:
                shown_in = [ImportedMedia(folder=folder, deck_id=pk) for pk in summary["decks"]]
                ImportedMedia.objects.bulk_create(shown_in, ignore_conflicts=True)
    except BaseException:
        for path in saved:
            private_storage().delete(path)
        raise
    return summary


def _write_cards(user, parsed, urls, target, progress):
    created, updated, new_cards, histories = 0, 0, [], []
    decks = {}
    for item in parsed.cards:
        front, back = _final_sides(item, urls)
        deck = target(item.deck_name)
        decks.setdefault(deck.pk, {"deck": deck, "cards": {}})["cards"][item.source_key] = (
            item,
            front,
            back,
        )
    for entry in decks.values():
        deck, items = entry["deck"], entry["cards"]
        existing = _existing_cards(deck, items)
        position = max((c.position for c in deck.cards.only("position")), default=0)
        fresh, changed, now = [], [], timezone.now()
        for key, (item, front, back) in items.items():
            card = existing.get(key)
            if card is not None:
                card.front, card.back, card.tags = front, back, clean_tags(item.tags)
                card.updated_at = now
                changed.append(card)
                continue
            position += 1
            card = Flashcard(deck=deck, front=front, back=back, position=position)
            card.tags, card.source_key = clean_tags(item.tags), key
            fresh.append(card)
            if item.reviews:
                histories.append((card, item.reviews))
        Flashcard.objects.bulk_create(fresh, batch_size=1_000)
        fields = ["front", "back", "tags", "updated_at"]
        Flashcard.objects.bulk_update(changed, fields, batch_size=1_000)
        updated += len(changed)
        new_cards.extend(fresh)
        created += len(fresh)
        progress(created + updated)
    states_for_new_cards(new_cards)
    for done, (card, reviews) in enumerate(histories, start=1):
        replay_history(user, card, reviews)
        if done % PROGRESS_EVERY == 0:
            progress(created + updated + done)
    return {
        "created": created,
        "updated": updated,
        "reviews": sum(len(r) for _, r in histories),
        "decks": [entry["deck"].pk for entry in decks.values()],
    }


def _existing_cards(deck, items):
    """{source key: card} of ``deck`` for the incoming keys. A card made on the site or
    in Anki has no CSV key, so a CSV row also matches the card with the same front:
    exporting a deck, editing the backs and importing it again updates, never copies."""
    keys = list(items)
    existing = {card.source_key: card for card in deck.cards.filter(source_key__in=keys)}
    wanted = {key for key in keys if key.startswith("csv:")} - set(existing)
    if wanted:
        others = deck.cards.exclude(source_key__in=keys).only("pk", "front", "source_key")
        for card in others:
            key = source_key_for(card.front)
            if key in wanted and key not in existing:
                existing[key] = card
    return existing


def import_data(user, data, deck=None, deck_name=""):
    """Parse and write in one go (the management command)."""
    parsed = parse(data, kind_of(data))
    return write(user, parsed, deck=deck, deck_name=deck_name)


def run_job(job_id):
    """Run a pending ImportJob once (a second call finds it taken and does nothing)."""
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportStatus.PENDING).update(
        status=ImportStatus.RUNNING
    )
    if not claimed:
        return None
    job = ImportJob.objects.select_related("user", "deck").get(pk=job_id)
    try:
        with job.upload.open("rb") as file:
            data = file.read()
        parsed = parse(data, job.kind)
        job.total = work_units(parsed)
        ImportJob.objects.filter(pk=job.pk).update(total=job.total)
        summary = write(job.user, parsed, deck=job.deck, progress=cache_progress(job.pk))
    except ImportRefused as error:
        _finish(job, ImportStatus.FAILED, error.message, {}, processed=0)
        return job
    except OSError:
        _finish(job, ImportStatus.FAILED, "The uploaded file is gone; upload it again.", {}, 0)
        return job
    except Exception:
        # Never leave a job "running" forever: the learner sees it failed, we see the log.
        logger.exception("Flashcard import %s failed", job.pk)
        _finish(job, ImportStatus.FAILED, "The import failed; nothing was imported.", {}, 0)
        return job
    if job.deck_id is None and len(summary["decks"]) == 1:
        job.deck_id = summary["decks"][0]
    message = f"Imported {summary['created']} new cards and updated {summary['updated']}."
    _finish(job, ImportStatus.DONE, message, summary, processed=job.total)
    return job


def _finish(job, status, message, summary, processed):
    cache.delete(progress_key(job.pk))
    if job.upload:
        job.upload.delete(save=False)
    job.status, job.message, job.summary = status, message, summary
    job.processed, job.finished_at = processed, timezone.now()
    if status == ImportStatus.DONE:
        job.total = processed
    fields = ["upload", "deck", "status", "message", "summary", "processed", "total"]
    fields.append("finished_at")
    job.save(update_fields=fields)
