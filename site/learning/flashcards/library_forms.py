"""Forms of the deck library: decks, cards and uploads (validation only; library.py writes)."""

from django import forms

from wagtail.images.fields import WagtailImageField

from learning.acs.codes import AcsElementCodesField

from .models import Deck, Difficulty, FlashcardCategory
from .models.deck import BACK_MAX_LENGTH, FRONT_MAX_LENGTH

MAX_UPLOAD_BYTES = 100 * 1024 * 1024
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
        help_text="CSV: one card a line, columns front, back and (optional) tags; UTF-8.",
    )
    deck = forms.ModelChoiceField(
        queryset=Deck.objects.none(),
        required=False,
        empty_label="New deck (named after the file or the Anki deck)",
        label="Into deck",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deck"].queryset = Deck.objects.filter(owner=user)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 100 MB.")
        if not upload.size:
            raise forms.ValidationError("The file is empty.")
        return upload
