"""`python manage.py load_demo`: demo users and content, safe to run any number of times.

Each loader in demo.loaders provides a `load(stdout)`; list it here in dependency order.
Everything runs in one transaction, so a failure leaves no half-load. The staff roles
come from migrate (accounts.roles); the loaders only add the demo users to them.
"""

import contextlib
from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from community.notifications.services import quiet

DEMO_MODULES = [
    "demo.loaders.accounts",
    "demo.loaders.snippets",
    "demo.loaders.courses",
    "demo.loaders.acs",
    "demo.loaders.assessments",
    "demo.loaders.enrollments",
    "demo.loaders.flashcards",
    "demo.loaders.orals",
    "demo.loaders.acs_tags",
    "demo.loaders.reviews",
    "demo.loaders.gouge",
    "demo.loaders.chat",
    "demo.loaders.instructors",
    "demo.loaders.pages",
    "demo.loaders.site_settings",
]
NEWS_LOADERS = {"demo.loaders.chat"}


class Command(BaseCommand):
    help = "Create or refresh the demo users and demo content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--acs",
            metavar="PATH",
            help="An FAA ACS PDF, or JSON exported by import_acs, to import instead of the "
            "shipped FAA-S-ACS-6C.",
        )

    def handle(self, *args, **options):
        extra = {"demo.loaders.acs": {"acs_path": options.get("acs")}}
        with transaction.atomic():
            for module_name in DEMO_MODULES:
                self.stdout.write(f"Loading {module_name} ...")
                # Only the chat loader's notifications are meant for the demo users; the
                # other loaders' lessons, enrollments and grades would bury them.
                told = contextlib.nullcontext() if module_name in NEWS_LOADERS else quiet()
                with told:
                    import_module(module_name).load(self.stdout, **extra.get(module_name, {}))
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
