"""Forms for notes and bookmarks: they turn what a learner types into clean values and
explain, in their terms, what they need to change."""

import re

from django import forms

from ..models.notes import NOTE_MAX_LENGTH, TAGS_MAX_LENGTH
from .services import BOOKMARK_NOTE_MAX_LENGTH, MAX_TAG_LENGTH, MAX_TAGS, MAX_TIMESTAMP_SECONDS

_CLOCK = re.compile(r"^(?:(?P<h>\d{1,2}):(?P<hm>[0-5]\d)|(?P<m>\d{1,4})):(?P<s>[0-5]\d)$", re.ASCII)
TIMESTAMP_HELP = "Where in the video this is about, e.g. 4:05 or 1:02:30."
TIMESTAMP_ERROR = (
    "Enter the video time as minutes:seconds (4:05), hours:minutes:seconds (1:02:30) "
    "or seconds (245)."
)


def parse_timestamp(value):
    """Seconds for "m:ss", "h:mm:ss" or plain seconds; None for blank; ValueError else."""
    value = (value or "").strip()
    if not value:
        return None
    if value.isascii() and value.isdigit() and len(value) <= 6:
        return int(value)
    match = _CLOCK.match(value)
    if not match:
        raise ValueError(value)
    hours, minutes = int(match["h"] or 0), int(match["hm"] or match["m"])
    return hours * 3600 + minutes * 60 + int(match["s"])


def format_timestamp(seconds):
    """4:05 under an hour, 1:02:30 from an hour on (how video players show time)."""
    if seconds is None:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def normalize_tags(value):
    """A list of unique tags (first spelling wins, case-insensitively), whitespace tidied."""
    tags, seen = [], set()
    for raw in (value or "").split(","):
        tag = " ".join(raw.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tags


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Note",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=NOTE_MAX_LENGTH,
        error_messages={
            "required": "Write something before saving the note.",
            "max_length": f"Notes can be up to {NOTE_MAX_LENGTH:,} characters "
            "(this one has %(show_value)d).",
        },
    )
    video_timestamp = forms.CharField(
        label="Video time",
        required=False,
        max_length=12,
        help_text=TIMESTAMP_HELP,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 8}),
        error_messages={"max_length": TIMESTAMP_ERROR},
    )
    tags = forms.CharField(
        label="Tags",
        required=False,
        max_length=1000,
        help_text=f"Separate tags with commas, e.g. airspace, VFR (up to {MAX_TAGS}).",
        error_messages={"max_length": f"Tags can be up to {TAGS_MAX_LENGTH} characters in all."},
    )

    def __init__(self, *args, note=None, **kwargs):
        if note is not None:
            kwargs.setdefault(
                "initial",
                {
                    "text": note.text,
                    "video_timestamp": format_timestamp(note.video_timestamp),
                    "tags": ", ".join(note.tag_list),
                },
            )
        super().__init__(*args, **kwargs)

    def clean_video_timestamp(self):
        try:
            seconds = parse_timestamp(self.cleaned_data["video_timestamp"])
        except ValueError:
            raise forms.ValidationError(TIMESTAMP_ERROR, code="invalid") from None
        if seconds is not None and seconds > MAX_TIMESTAMP_SECONDS:
            raise forms.ValidationError("The video time can be at most 24 hours.", code="max")
        return seconds

    def clean_tags(self):
        tags = normalize_tags(self.cleaned_data["tags"])
        too_long = [tag for tag in tags if len(tag) > MAX_TAG_LENGTH]
        if too_long:
            raise forms.ValidationError(
                f"Each tag can be up to {MAX_TAG_LENGTH} characters: "
                f"shorten “{too_long[0][:MAX_TAG_LENGTH]}…”.",
                code="tag_length",
            )
        if len(tags) > MAX_TAGS:
            raise forms.ValidationError(
                f"Use at most {MAX_TAGS} tags (you have {len(tags)}).", code="tag_count"
            )
        joined = ", ".join(tags)
        if len(joined) > TAGS_MAX_LENGTH:
            raise forms.ValidationError(
                f"Tags can be up to {TAGS_MAX_LENGTH} characters in all.", code="tags_length"
            )
        return joined

    def first_error(self):
        """One sentence for the live region and the JSON `error`."""
        for errors in self.errors.values():
            return errors[0]
        return "Check the note and try again."


class BookmarkForm(forms.Form):
    note = forms.CharField(
        label="Bookmark note",
        required=False,
        max_length=BOOKMARK_NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="A reminder of why you saved this page.",
        error_messages={
            "max_length": f"A bookmark note can be up to {BOOKMARK_NOTE_MAX_LENGTH} characters "
            "(this one has %(show_value)d).",
        },
    )

    first_error = NoteForm.first_error
