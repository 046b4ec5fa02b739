"""Shared set-up of the cohort tests: a cohort made through the service, CSV uploads."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learning.instructors.cohorts import services
from learning.instructors.models import Cohort


def make_cohort(owner, courses, name="Spring 2027 class", instructors=()):
    data = {
        "name": name,
        "description": "",
        "starts_on": None,
        "courses": list(courses),
        "instructors": list(instructors),
    }
    return services.save_cohort(owner, Cohort(), data)


def csv_file(text, name="class.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


def import_url(cohort):
    return reverse("instructors_cohort_import", args=[cohort.pk])


def preview(client, cohort, text):
    return client.post(import_url(cohort), {"file": csv_file(text)})


def payload_of(response):
    """The signed payload the preview's confirm form carries."""
    return response.context["confirm"].initial["payload"]
