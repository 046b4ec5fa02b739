"""Examiners: the people who give checkrides, listed in the public examiner directory."""

from django import forms
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
    RegexValidator,
    URLValidator,
)
from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail.search import index

from core.storage import shareable_images

from ..fields import ChoiceListField
from .slugs import AutoSlugMixin

BIO_MAX_LENGTH = 1500
MAX_YEARS_EXPERIENCE = 70

airport_code_validator = RegexValidator(
    r"^[A-Za-z0-9]{3,4}\Z",
    "Enter the 3- or 4-character airport identifier, letters and digits only, such as KBFI or S50.",
    code="invalid_airport",
)
phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ().-]{5,23}\Z",
    "Enter a phone number using digits, spaces, +, -, ( and ) only, such as +1 206 555 0100.",
    code="invalid_phone",
)


class Certificate(models.TextChoices):
    """Certificates and ratings an examiner may be authorized to test for."""

    SPORT = "sport", "Sport pilot"
    RECREATIONAL = "recreational", "Recreational pilot"
    PRIVATE = "private", "Private pilot"
    INSTRUMENT = "instrument", "Instrument rating"
    COMMERCIAL = "commercial", "Commercial pilot"
    ATP = "atp", "Airline transport pilot (ATP)"
    CFI = "cfi", "Flight instructor (CFI)"
    CFII = "cfii", "Instrument instructor (CFII)"
    MEI = "mei", "Multi-engine instructor (MEI)"


class Examiner(AutoSlugMixin, index.Indexed, models.Model):
    """A checkride examiner, such as an FAA Designated Pilot Examiner (DPE).

    Learners look examiners up by region, home airport and the checkrides they give.
    Aggregates from learners' gouge reports (report count, pass rate, typical duration)
    arrive with the gouge app, which keeps them in its own table keyed to this model, so
    this one holds only what an editor maintains.
    """

    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=120,
        unique=True,
        blank=True,
        help_text="The examiner's web address. Leave blank to make it from the name.",
    )
    photo = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=shareable_images,
        help_text="Optional square portrait, shown cropped to a circle. Without one the "
        "directory shows the examiner's initials.",
    )
    organization = models.CharField(
        max_length=120, blank=True, help_text="For example “FAA Designated Pilot Examiner”."
    )
    region = models.CharField(max_length=80, help_text="For example “Pacific Northwest”.")
    base_airport = models.CharField(
        "base airport",
        max_length=4,
        blank=True,
        validators=[airport_code_validator],
        help_text="ICAO or FAA identifier of the home airport, such as KBFI.",
    )
    certificates = ChoiceListField(
        "certificates and ratings examined",
        item_choices=Certificate.choices,
        blank=True,
    )
    years_experience = models.PositiveSmallIntegerField(
        "years of experience",
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_YEARS_EXPERIENCE), MinValueValidator(0)],
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=24, blank=True, validators=[phone_validator])
    website = models.URLField(blank=True, validators=[URLValidator(schemes=["http", "https"])])
    bio = models.TextField(
        "short bio",
        max_length=BIO_MAX_LENGTH,
        blank=True,
        validators=[MaxLengthValidator(BIO_MAX_LENGTH)],
    )
    active = models.BooleanField(
        default=True, help_text="Inactive examiners are hidden from the public directory."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("photo"),
        FieldPanel("organization"),
        FieldRowPanel([FieldPanel("region"), FieldPanel("base_airport")]),
        FieldPanel("certificates"),
        FieldPanel(
            "years_experience",
            widget=forms.NumberInput(attrs={"min": 0, "max": MAX_YEARS_EXPERIENCE}),
        ),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("website")],
            heading="Contact",
        ),
        FieldPanel("bio"),
        FieldPanel("active"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("region"),
        index.AutocompleteField("region"),
        index.SearchField("base_airport"),
        index.AutocompleteField("base_airport"),
        index.SearchField("organization"),
        index.FilterField("id"),  # the certificate filter narrows by id (filters.py)
        index.FilterField("name"),
        index.FilterField("region"),
        index.FilterField("base_airport"),
        index.FilterField("active"),
        index.FilterField("updated_at"),
    ]

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(years_experience__lte=MAX_YEARS_EXPERIENCE),
                name="snippets_examiner_years_experience_at_most_70",
                violation_error_message="Years of experience must be from 0 to 70.",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.base_airport})" if self.base_airport else self.name

    def save(self, *args, **kwargs):
        self.normalize()
        super().save(*args, **kwargs)

    def clean(self):
        self.normalize()
        super().clean()

    def normalize(self):
        """Airport ids in capitals; certificates in the usual order, each once."""
        self.base_airport = (self.base_airport or "").strip().upper()
        self.certificates = self._meta.get_field("certificates").normalize(self.certificates)

    def get_certificates_display(self):
        """The certificates as their labels, in the usual order, for listings and pages."""
        labels = dict(Certificate.choices)
        return ", ".join(str(labels.get(value, value)) for value in self.certificates)
