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
    "learning.assessments.demo",
    "learning.enrollments.demo",
    "community.reviews.demo",
    "community.gouge.demo",
    "pages.demo",
    "pages.demo_site",
]


class Command(BaseCommand):
    help = "Create or refresh the demo users and demo content (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for module_name in DEMO_MODULES:
                self.stdout.write(f"Loading {module_name} ...")
                import_module(module_name).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
