"""The preferences form: one channel per kind (radio buttons) and the master email
switch, which lives on accounts.Preferences and turns every email into in-app."""

from django import forms

from .channels import user_channels
from .models import Channel, NotificationPreference


class PreferencesForm(forms.Form):
    email_notifications = forms.BooleanField(
        required=False,
        label="Send me notification emails",
        help_text="Off: everything set to an email or the digest shows on the site only.",
    )

    def __init__(self, *args, user, kinds, email_on, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.kinds = kinds
        self.fields["email_notifications"].initial = email_on
        chosen = user_channels(user)
        for kind in kinds:
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label,
                choices=Channel.choices,
                widget=forms.RadioSelect,
                initial=chosen.get(kind.key) or kind.default,
            )

    def rows(self):
        """(kind, bound field) for the table, in the kinds' order."""
        return [(kind, self[kind.key]) for kind in self.kinds]

    def save(self):
        rows = [
            NotificationPreference(
                user=self.user, kind=kind.key, channel=self.cleaned_data[kind.key]
            )
            for kind in self.kinds
        ]
        NotificationPreference.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["user", "kind"], update_fields=["channel"]
        )
