"""Filters for the snippet listings in the Wagtail admin."""

from django import forms
from django.db.models import TextField
from django.db.models.functions import Cast

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

import django_filters

from .models import Category, Certificate, Examiner, Testimonial

# In words: a star character shows as an empty box where no font has the glyph.
RATING_CHOICES = [(stars, f"{stars} star{'s' if stars > 1 else ''}") for stars in range(5, 0, -1)]


class TestimonialFilterSet(WagtailFilterSet):
    live = django_filters.BooleanFilter(label="Published", widget=BooleanRadioSelect)
    featured = django_filters.BooleanFilter(widget=BooleanRadioSelect)
    rating = django_filters.ChoiceFilter(
        choices=RATING_CHOICES, widget=forms.RadioSelect, empty_label="All"
    )

    class Meta:
        model = Testimonial
        fields = ["live", "featured", "rating"]


class CategoryFilterSet(WagtailFilterSet):
    featured = django_filters.BooleanFilter(widget=BooleanRadioSelect)
    active = django_filters.BooleanFilter(widget=BooleanRadioSelect)
    parent = django_filters.ModelChoiceFilter(
        queryset=Category.objects.filter(children__isnull=False).distinct(),
        null_label="None (top level)",
        empty_label="All",
    )

    class Meta:
        model = Category
        fields = ["featured", "active", "parent"]


def region_choices():
    regions = Examiner.objects.exclude(region="").order_by("region").values_list("region")
    return [(region, region) for (region,) in regions.distinct()]


class ExaminerFilterSet(WagtailFilterSet):
    active = django_filters.BooleanFilter(widget=BooleanRadioSelect)
    region = django_filters.ChoiceFilter(choices=region_choices, empty_label="All")
    certificate = django_filters.ChoiceFilter(
        label="Examines for",
        choices=Certificate.choices,
        empty_label="All",
        method="filter_certificate",
    )

    class Meta:
        model = Examiner
        fields = ["active", "region", "certificate"]

    def filter_certificate(self, queryset, name, value):
        """Examiners whose certificate list holds `value`.

        The list is JSON text on both SQLite and PostgreSQL, and every value is quoted
        in it, so '"cfi"' matches CFI but not CFII. The ids are resolved first so the
        search backend only has to filter on the primary key.
        """
        ids = (
            Examiner.objects.alias(certificates_text=Cast("certificates", TextField()))
            .filter(certificates_text__contains=f'"{value}"')
            .values_list("pk", flat=True)
        )
        return queryset.filter(pk__in=list(ids))
