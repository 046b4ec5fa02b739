"""The review form: what a learner types, checked before services.submit_review sees it."""

from django import forms

from .models import TEXT_MAX_LENGTH, TEXT_MIN_LENGTH

RATING_MESSAGE = "Choose a rating from 1 to 5 stars"
RATING_CHOICES = [
    (5, "5 stars: excellent"),
    (4, "4 stars: good"),
    (3, "3 stars: average"),
    (2, "2 stars: poor"),
    (1, "1 star: very poor"),
]


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label="Your rating",
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": RATING_MESSAGE, "invalid_choice": RATING_MESSAGE},
    )
    title = forms.CharField(
        label="Title",
        max_length=120,
        error_messages={
            "required": "Give your review a title.",
            "max_length": "Keep the title to 120 characters or fewer.",
        },
    )
    text = forms.CharField(
        label="Your review",
        min_length=TEXT_MIN_LENGTH,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What helped you most, and who would you recommend the course to?",
        error_messages={
            "required": "Write a few words about the course.",
            "min_length": f"Write at least {TEXT_MIN_LENGTH} characters.",
            "max_length": f"Keep the review to {TEXT_MAX_LENGTH:,} characters or fewer.",
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "review-form-%s")
        super().__init__(*args, **kwargs)

    @classmethod
    def for_review(cls, review):
        """The form filled in with the learner's own review, to edit it."""
        if review is None:
            return cls()
        return cls(initial={"rating": review.rating, "title": review.title, "text": review.text})

    @property
    def refusal_message(self):
        """The one sentence announced for an invalid form."""
        if "rating" in self.errors:
            return RATING_MESSAGE
        return "Check the highlighted fields and try again."
