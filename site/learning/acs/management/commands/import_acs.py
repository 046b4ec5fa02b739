"""`python manage.py import_acs PATH.pdf`: load (or refresh) an FAA ACS from its PDF.

Safe to run again on the same or a newer revision: see services.import_standard. Any
file that is not a readable ACS is refused with a CommandError before anything is
written; the import itself is one transaction.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from learning.acs.importer import AcsParseError, parse_pages, read_pages
from learning.acs.services import AcsImportError, import_standard


class Command(BaseCommand):
    help = "Import or refresh an FAA Airman Certification Standards document from its PDF."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The FAA ACS PDF, e.g. FAA-S-ACS-6C.pdf")

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            parsed = parse_pages(read_pages(options["path"]))
            summary = import_standard(parsed, complete=True)
        except (AcsParseError, AcsImportError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{parsed.title} ({parsed.document_id}, revised {parsed.revision_date or 'unknown'})"
        )
        self.stdout.write(
            f"{len(parsed.areas)} areas, {len(parsed.tasks)} tasks, {len(parsed.elements)} elements"
        )
        for line in summary.lines():
            self.stdout.write(line)
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Imported in {elapsed:.1f}s."))
