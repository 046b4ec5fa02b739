"""FormPage: contact and lead-capture forms editors build in the Wagtail admin.

Submissions are stored (listed under Forms in the admin) and emailed to staff through
Django's mail path, so they queue like every other email. Spam protection is a
honeypot: a field people never see or reach by keyboard. A submission that fills it is
thanked like any other, so a bot learns nothing, but it is neither stored nor emailed.
Invalid submissions come back with field errors, status 400 and everything typed kept.
"""

import logging

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse

from modelcluster.fields import ParentalKey
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.fields import RichTextField
from wagtail.search import index

from core.ratelimit import throttled

from .base import BasePage

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website"
MULTILINE_MAX_LENGTH = 5000
URL_MAX_LENGTH = 2000
TOO_MANY_SUBMISSIONS = (
    "You have sent several messages in the last few minutes. Please wait a while "
    "before sending another; we read every one."
)


class PublicForm(BaseForm):
    """The visitor-facing form: the editor's fields plus the honeypot."""

    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def public_fields(self):
        return [field for field in self.visible_fields() if field.name != HONEYPOT_FIELD]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def caught_in_honeypot(self):
        return self.is_bound and bool(self.data.get(HONEYPOT_FIELD, "").strip())


class PublicFormBuilder(FormBuilder):
    """Wagtail's builder with lengths capped, so a huge paste is an error, not a row."""

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    def create_url_field(self, field, options):
        options["max_length"] = URL_MAX_LENGTH
        return super().create_url_field(field, options)

    def create_dropdown_field(self, field, options):
        """A visible "choose one" option, so a required dropdown really asks to choose."""
        form_field = super().create_dropdown_field(field, options)
        if not field.default_value:
            form_field.choices = [("", "Choose one"), *form_field.choices]
        return form_field

    def get_form_class(self):
        return type("PublicFormFromFields", (PublicForm,), self.formfields)


class FormField(AbstractFormField):
    page = ParentalKey("pages.FormPage", on_delete=models.CASCADE, related_name="form_fields")

    def clean(self):
        super().clean()
        if self.label and get_field_clean_name(self.label) == HONEYPOT_FIELD:
            raise ValidationError(
                {"label": f'"{self.label}" is reserved for spam protection; try "Your website".'}
            )


class FormPage(AbstractEmailForm, BasePage):
    """A contact or lead-capture page: intro, the editor's fields, a thank-you message."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ul", "ol"])
    description_field = "intro"
    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown after a successful submission.",
    )

    form_builder = PublicFormBuilder

    content_panels = [
        FormSubmissionsPanel(),
        *AbstractEmailForm.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Form fields", min_num=1),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="Email to staff",
        ),
    ]
    search_fields = [*AbstractEmailForm.search_fields, index.SearchField("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    template = "pages/form_page.html"
    landing_page_template = "pages/form_page_landing.html"

    class Meta:
        verbose_name = "form page"

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        if refused := throttled(request, "contact_form", TOO_MANY_SUBMISSIONS):
            return refused
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if form.caught_in_honeypot():
            logger.info("Form page %s: honeypot caught a submission; dropped.", self.pk)
            return self.render_landing_page(request, None, *args, **kwargs)
        if form.is_valid():
            submission = self.process_form_submission(form)
            return self.render_landing_page(request, submission, *args, **kwargs)
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=400)

    def process_form_submission(self, form):
        """Store and email what the visitor typed, without the (empty) honeypot."""
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        return super().process_form_submission(form)

    def send_mail(self, form):
        """Staff can reply straight to the visitor when the form asked for an email."""
        reply_to = [
            value
            for name, value in form.cleaned_data.items()
            if value and isinstance(form.fields[name], forms.EmailField)
        ][:1]
        addresses = [address.strip() for address in self.to_address.split(",")]
        subject = self.subject or f"New submission: {self.title}"
        send_mail(subject, self.render_email(form), addresses, self.from_address, reply_to=reply_to)
