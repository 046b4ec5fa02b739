"""`python manage.py load_demo`: demo users and content, safe to run any number of times.

Each app that has demo content provides a `demo.load(stdout)`; list it here in
dependency order. Everything runs in one transaction, so a failure leaves no half-load.
"""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_MODULES = [
    "accounts.demo",
    "snippets.demo",
    "learning.courses.demo",
    "learning.acs.demo",
    "learning.assessments.demo",
    "learning.enrollments.demo",
    "learning.flashcards.demo",
    "learning.orals.demo",
    "learning.acs.demo_tags",
    "community.reviews.demo",
    "community.gouge.demo",
    "pages.demo",
    "pages.demo_site",
]


class Command(BaseCommand):
    help = "Create or refresh the demo users and demo content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--acs",
            metavar="PATH",
            help="An FAA ACS PDF to import in full (default: a hand-written subset of 6C).",
        )

    def handle(self, *args, **options):
        extra = {"learning.acs.demo": {"acs_pdf": options.get("acs")}}
        with transaction.atomic():
            for module_name in DEMO_MODULES:
                self.stdout.write(f"Loading {module_name} ...")
                import_module(module_name).load(self.stdout, **extra.get(module_name, {}))
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
