"""Forms of the course template screens. Choices are narrowed to what the user may do:
catalogs they may add a course to, courses whose content they may edit."""

from django import forms

from learning.courses.models import CourseIndexPage, CoursePage
from learning.courses.teaching import EDIT_CONTENT, taught_courses

from ..models import CourseTemplate
from .data import validate_template_data
from .placeholders import BLOCK_TYPES

EXAMPLE = {
    "modules": [
        {
            "title": "Airspace",
            "lessons": [
                {
                    "title": "Class B airspace",
                    "summary": "What a pilot needs to enter Class B.",
                    "access_level": "registered",
                    "blocks": [{"type": "heading"}, {"type": "paragraph"}],
                }
            ],
        }
    ]
}


def addable_catalogs(user):
    """Catalogs where `user` may add a page (Wagtail's page permissions)."""
    return [
        catalog
        for catalog in CourseIndexPage.objects.order_by("title")
        if catalog.permissions_for_user(user).can_add_subpage()
    ]


class CourseTemplateForm(forms.ModelForm):
    template_data = forms.JSONField(
        label="Modules and lessons (JSON)",
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false"}),
        help_text="A list of modules, each with its lessons. Block types: "
        + ", ".join(BLOCK_TYPES)
        + '. A block without a "value" gets its "Replace: …" placeholder.',
    )
    tags = forms.CharField(required=False, help_text="Comma-separated, e.g. private, checkride.")

    class Meta:
        model = CourseTemplate
        fields = ["name", "description", "template_type", "template_data", "tags", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["tags"] = ", ".join(self.instance.tags or [])
        elif not self.is_bound:
            self.initial["template_data"] = EXAMPLE  # a start to edit, not an empty box

    def clean_template_data(self):
        return validate_template_data(self.cleaned_data["template_data"])

    def clean_tags(self):
        tags = [tag.strip()[:40] for tag in self.cleaned_data["tags"].split(",")]
        return list(dict.fromkeys(tag for tag in tags if tag))[:20]


class NewCourseForm(forms.Form):
    template = forms.ModelChoiceField(
        queryset=CourseTemplate.objects.filter(is_active=True), empty_label=None
    )
    catalog = forms.TypedChoiceField(coerce=int, label="Catalog")
    title = forms.CharField(max_length=255, label="Course title")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.catalogs = {catalog.pk: catalog for catalog in addable_catalogs(user)}
        self.fields["catalog"].choices = [(pk, c.title) for pk, c in self.catalogs.items()]

    def clean_catalog(self):
        return self.catalogs[self.cleaned_data["catalog"]]


class SaveAsTemplateForm(forms.Form):
    course = forms.ModelChoiceField(queryset=CoursePage.objects.none(), empty_label=None)
    name = forms.CharField(max_length=200, label="Template name")
    description = forms.CharField(
        required=False, max_length=2_000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = taught_courses(user, EDIT_CONTENT).order_by("title")
