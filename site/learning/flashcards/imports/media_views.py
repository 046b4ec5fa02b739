"""Pictures on cards, for whoever may open the card's deck; a 404 for anyone else.

Learners' card pictures and the images imported with Anki cards live in private
storage (core/storage.py). Card pages point at these views, never at the files:
the view checks the viewer against the deck library's rule (own, studied, public and
official decks of their courses, library.services.viewable_decks), then streams the file or
redirects to a short-lived presigned S3 URL. Guests, learners whose email is not yet
verified and learners who may not open the deck all get the same 404, so a URL tells
nothing about what exists.
"""

from django.db.models import Q
from django.http import Http404
from django.views.decorators.http import require_safe

from wagtail.images.models import SourceImageIOError

from accounts.standing import has_verified_email
from core.media import file_response
from core.storage import private_storage

from ..library.services import viewable_decks
from ..models import Flashcard, ImportedMedia
from ..sanitize import CARD_MEDIA_PATH, card_media_url

# The card list shows a smaller copy; studying shows the uploaded picture.
PICTURE_SIZES = {"full": None, "small": "max-480x320"}


def _viewable_deck_ids(request):
    user = request.user
    if not user.is_authenticated or not has_verified_email(user):
        raise Http404("No such picture.")
    return viewable_decks(user).values("pk")


@require_safe
def card_picture(request, card_id, size="full"):
    """The picture of a card (a Wagtail image) the viewer may see."""
    card = (
        Flashcard.objects.select_related("image")
        .filter(pk=card_id, image__isnull=False, deck__in=_viewable_deck_ids(request))
        .first()
    )
    if card is None:
        raise Http404("No such picture.")
    try:
        spec = PICTURE_SIZES[size]
        file = card.image.file if spec is None else card.image.get_rendition(spec).file
    except (KeyError, SourceImageIOError):
        raise Http404("No such picture.") from None
    return file_response(file.storage, file.name)


@require_safe
def card_media(request, path):
    """An image imported with Anki cards (flashcards/<folder>/<n>.<ext>), for viewers of
    a deck its folder was imported into."""
    if not CARD_MEDIA_PATH.fullmatch(path):
        raise Http404("No such picture.")
    folder = path.split("/", 1)[0]
    decks = ImportedMedia.objects.filter(folder=folder, deck__in=_viewable_deck_ids(request))
    # One package can fill several decks from one folder: the image must be on a card
    # of a deck the viewer may open, not merely in a folder one of them shares.
    src = card_media_url(path)
    shown = Flashcard.objects.filter(deck__in=decks.values("deck")).filter(
        Q(front__contains=src) | Q(back__contains=src)
    )
    if not shown.exists():
        raise Http404("No such picture.")
    return file_response(private_storage(), f"flashcards/{path}")
