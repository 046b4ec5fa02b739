"""Wagtail panels that put the ACS codes field (widgets.AcsElementsField) in an editor.

FieldPanel can only swap a field's widget; the codes field also needs its own clean, so
AcsElementsPanel asks for it through the form's Meta.field_classes, which Django's model
form honours. InlinePanel passes only a few options on to its child forms, so
TaggedInlinePanel builds the child form class itself when a child asks for field classes
(the question forms inside the quiz editor).
"""

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.panels.base import get_form_for_model

from .widgets import AcsElementsField


class AcsElementsPanel(FieldPanel):
    def __init__(self, field_name="acs_elements", **kwargs):
        super().__init__(field_name, **kwargs)

    def get_form_options(self):
        options = super().get_form_options()
        options["field_classes"] = {self.field_name: AcsElementsField}
        return options


class TaggedInlinePanel(InlinePanel):
    def get_form_options(self):
        options = super().get_form_options()
        child = self.child_edit_handler.get_form_options()
        field_classes = child.get("field_classes")
        if field_classes:
            formset = options["formsets"][self.relation_name]
            formset["form"] = get_form_for_model(
                self.db_field.related_model,
                field_classes=field_classes,
                defer_required_on_fields=child.get("defer_required_on_fields", []),
            )
        return options
