"""``manage.py import_deck PATH --user EMAIL [--deck NAME]``: CSV or Anki package.

The same import service as the upload page; the format is chosen by the file's content.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from learning.flashcards.imports.services import ImportRefused, import_data, kind_of, parse


class Command(BaseCommand):
    help = "Import flashcards from a CSV file (front, back, tags) or an Anki .apkg package."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--user", required=True, help="Email of the deck owner.")
        parser.add_argument("--deck", default="", help="Deck name (default: from the file).")

    def handle(self, *args, path, user, deck, **options):
        owner = get_user_model().objects.filter(email__iexact=user.strip()).first()
        if owner is None:
            raise CommandError(f"No user with the email {user}.")
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        try:
            if kind_of(data) == "csv":
                parsed = parse(data, "csv")
                if parsed.errors:
                    lines = "\n".join(f"  line {n}: {m}" for n, m in parsed.errors[:20])
                    raise CommandError(f"The file has errors:\n{lines}")
            summary = import_data(owner, data, deck_name=deck[:120])
        except ImportRefused as error:
            raise CommandError(error.message) from None
        self.stdout.write(
            f"Imported {summary['created']} new cards, updated {summary['updated']}, "
            f"{summary['reviews']} reviews and {summary['images']} images "
            f"into {len(summary['decks'])} deck(s)."
        )
