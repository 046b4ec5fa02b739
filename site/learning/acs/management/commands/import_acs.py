"""`python manage.py import_acs [PATH]`: load (or refresh) an FAA ACS.

PATH is the FAA's PDF or the JSON this command exports from it; without PATH the
standard the site ships (learning/acs/data/FAA-S-ACS-6C.json) is imported, so a server
needs no PDF. Both go through the same ParsedStandard and services.import_standard, so
they write the same rows. `--export OUT.json` writes the parsed standard to OUT instead
of importing it: that is how the shipped file is made from a new revision's PDF.

Safe to run again on the same or a newer revision: see services.import_standard. Any
file that is not a readable ACS is refused with a CommandError before anything is
written; the import itself is one transaction.
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from learning.acs.importer import SHIPPED, AcsParseError, dumps, read_standard
from learning.acs.services import AcsImportError, import_standard


class Command(BaseCommand):
    help = "Import or refresh an FAA Airman Certification Standards document (PDF or JSON)."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            default=str(SHIPPED),
            help="The FAA ACS PDF, or a JSON exported from one (default: the shipped 6C).",
        )
        parser.add_argument(
            "--export",
            metavar="OUT",
            help="Write the parsed standard as JSON to OUT and import nothing.",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            parsed = read_standard(options["path"])
            if options["export"]:
                self.export(parsed, Path(options["export"]))
                return
            summary = import_standard(parsed, complete=True)
        except (AcsParseError, AcsImportError) as error:
            raise CommandError(str(error)) from error
        self.describe(parsed)
        for line in summary.lines():
            self.stdout.write(line)
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Imported in {elapsed:.1f}s."))

    def describe(self, parsed):
        self.stdout.write(
            f"{parsed.title} ({parsed.document_id}, revised {parsed.revision_date or 'unknown'})"
        )
        self.stdout.write(
            f"{len(parsed.areas)} areas, {len(parsed.tasks)} tasks, {len(parsed.elements)} elements"
        )

    def export(self, parsed, out):
        try:
            out.write_text(dumps(parsed), encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Could not write {out}: {error}") from error
        self.describe(parsed)
        self.stdout.write(self.style.SUCCESS(f"Wrote {out} ({out.stat().st_size:,} bytes)."))
