"""The study settings form: limits, order, steps and retention, validated before FSRS sees
them."""

from django import forms

from ..models import StudySettings
from ..scheduler import parse_steps

STEP_HELP = "Space separated, e.g. 1m 10m 1h (s, m, h or d)."


class StudySettingsForm(forms.ModelForm):
    desired_retention = forms.FloatField(
        min_value=0.70,
        max_value=0.97,
        step_size=0.01,
        help_text="How likely you want to be to remember a card when it comes up "
        "(0.70 to 0.97). Higher means more reviews.",
    )

    class Meta:
        model = StudySettings
        fields = [
            "desired_retention",
            "new_per_day",
            "reviews_per_day",
            "new_ignore_review_limit",
            "review_order",
            "learning_steps",
            "relearning_steps",
            "rollover_hour",
        ]
        help_texts = {
            "reviews_per_day": "Reviews and learning cards from earlier days count "
            "against it, and new cards too unless the next box is ticked.",
            "new_ignore_review_limit": "Show new cards even when the review limit is reached.",
            "review_order": "Shuffled keeps the same order all day, so reloading does not "
            "change which card comes next.",
            "learning_steps": STEP_HELP,
            "relearning_steps": "Steps after you forget a review card. " + STEP_HELP,
            "rollover_hour": "The hour (0 to 23) at which a new study day starts, in the time "
            "zone of your preferences. Cards due on a day are due from this hour.",
        }

    def _steps(self, name, required):
        text = " ".join(str(self.cleaned_data.get(name, "")).replace("\x00", "").split())
        try:
            steps = parse_steps(text)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None
        if required and not steps:
            raise forms.ValidationError("Give at least one learning step, e.g. 10m.")
        return text

    def clean_learning_steps(self):
        return self._steps("learning_steps", required=True)

    def clean_relearning_steps(self):
        return self._steps("relearning_steps", required=False)

    @property
    def settings_fields(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
