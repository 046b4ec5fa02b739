"""A multiple-choice model field that needs neither PostgreSQL's ArrayField nor a join table."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst


class ChoiceListField(models.JSONField):
    """A list of values from fixed `item_choices`, stored as a JSON array.

    JSON works the same on SQLite and PostgreSQL; the editor sees a group of checkboxes
    instead of a JSON text box. Values are validated against the choices on save through
    a form and kept in the choices' order, without duplicates.
    """

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = [tuple(choice) for choice in item_choices]
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs

    @property
    def allowed_values(self):
        return [value for value, _label in self.item_choices]

    def normalize(self, values):
        """The chosen values in the choices' order, each once."""
        chosen = set(values or [])
        return [value for value in self.allowed_values if value in chosen]

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if value is None:
            return
        if not isinstance(value, list):
            raise ValidationError("Choose from the list.", code="invalid_list")
        unknown = [item for item in value if item not in self.allowed_values]
        if unknown:
            raise ValidationError(
                "%(value)s is not one of the available choices.",
                code="invalid_choice",
                params={"value": ", ".join(map(str, unknown))},
            )

    def formfield(self, **kwargs):
        defaults = {
            "choices": self.item_choices,
            "required": not self.blank,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
            "widget": forms.CheckboxSelectMultiple,
        }
        defaults.update(kwargs)
        return forms.MultipleChoiceField(**defaults)
