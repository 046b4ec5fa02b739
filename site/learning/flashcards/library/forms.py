"""Forms of the deck library: decks, cards and uploads (validation only; library/services.py
writes)."""

from django import forms

from wagtail.images.fields import WagtailImageField

from learning.acs.codes import AcsElementCodesField

from ..imports.csv_io import MAX_BYTES as MAX_CSV_BYTES
from ..imports.services import MAX_APKG_UPLOAD, kind_of
from ..models import Deck, Difficulty, FlashcardCategory, ImportJob, ImportStatus
from ..models.deck import BACK_MAX_LENGTH, FRONT_MAX_LENGTH

MEGABYTE = 1024 * 1024
MAX_BYTES_BY_KIND = {"csv": MAX_CSV_BYTES, "apkg": MAX_APKG_UPLOAD}
MAX_WAITING_UPLOADS = 3  # per learner: with the size limits, at most 300 MB of theirs stored
CARD_HTML_HELP = "Plain text, or bold, italics, lists and line breaks (other HTML is removed)."


class DeckForm(forms.ModelForm):
    class Meta:
        model = Deck
        fields = ["name", "description", "category", "is_public"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = FlashcardCategory.objects.order_by("name")

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].replace("\x00", "").split())
        if not name:
            raise forms.ValidationError("Give the deck a name.")
        return name

    def clean_description(self):
        return self.cleaned_data["description"].replace("\x00", "").strip()

    @property
    def deck_fields(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class CardForm(forms.Form):
    front = forms.CharField(
        max_length=FRONT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=CARD_HTML_HELP,
    )
    back = forms.CharField(max_length=BACK_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4}))
    tags = forms.CharField(max_length=500, required=False, help_text="Separated by spaces.")
    difficulty = forms.TypedChoiceField(
        choices=Difficulty.choices, coerce=int, initial=Difficulty.MODERATE
    )
    category = forms.ModelChoiceField(
        queryset=FlashcardCategory.objects.order_by("name"), required=False
    )
    acs_elements = AcsElementCodesField()
    image = WagtailImageField(
        required=False, label="Picture", help_text="PNG, JPEG, GIF or WebP, shown under the back."
    )
    remove_image = forms.BooleanField(required=False, label="Remove the picture")

    def __init__(self, *args, card=None, **kwargs):
        super().__init__(*args, **kwargs)
        if card is None or not card.image_id:
            del self.fields["remove_image"]

    def clean(self):
        cleaned = super().clean()
        for name in ("front", "back", "tags"):
            if name in cleaned:
                cleaned[name] = cleaned[name].replace("\x00", "")
        return cleaned

    @classmethod
    def for_card(cls, card):
        initial = {
            "front": card.front,
            "back": card.back,
            "tags": card.tags,
            "difficulty": card.difficulty,
            "category": card.category_id,
            "acs_elements": list(card.acs_elements.all()),
        }
        return cls(initial=initial, card=card)


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file or Anki package (.apkg)",
        help_text=(
            "CSV (up to 2 MB): one card a line, columns front, back and (optional) tags; "
            "UTF-8. Anki package: up to 100 MB."
        ),
    )
    deck = forms.ModelChoiceField(
        queryset=Deck.objects.none(),
        required=False,
        empty_label="New deck (named after the file or the Anki deck)",
        label="Into deck",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["deck"].queryset = Deck.objects.filter(owner=user)

    def clean_file(self):
        """Every limit the importer would apply to the file's size, applied before it is
        stored: a file refused later would sit on our disk until the hourly clean-up."""
        upload = self.cleaned_data["file"]
        if not upload.size:
            raise forms.ValidationError("The file is empty.")
        self.kind = kind_of(upload.read(4))
        upload.seek(0)
        limit = MAX_BYTES_BY_KIND[self.kind]
        if upload.size > limit:
            name = "An Anki package" if self.kind == "apkg" else "A CSV file"
            raise forms.ValidationError(
                f"{name} can be at most {limit // MEGABYTE} MB; this one is "
                f"{upload.size / MEGABYTE:.1f} MB."
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        if waiting_uploads(self.user) >= MAX_WAITING_UPLOADS:
            raise forms.ValidationError(
                f"You already have {MAX_WAITING_UPLOADS} imports waiting. Confirm or let them "
                "finish before uploading another (unconfirmed previews are removed after a "
                "day)."
            )
        return cleaned


def waiting_uploads(user):
    """The learner's uploads still on our storage: previews not yet confirmed and imports
    not yet finished (a finished job's file is deleted)."""
    return (
        ImportJob.objects.filter(user=user, status__in=[ImportStatus.PENDING, ImportStatus.RUNNING])
        .exclude(upload="")
        .count()
    )
