"""manage.py relay_outbox: publish waiting Celery tasks now (see core.outbox)."""

import time

from django.core.management.base import BaseCommand

from core.outbox.publishing import drain, prune, stats


class Command(BaseCommand):
    help = (
        "Publish outbox tasks that are due (never published, or published and not "
        "finished within OUTBOX_VISIBILITY_TIMEOUT), then prune old finished ones."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop",
            type=float,
            metavar="SECONDS",
            help="Keep relaying, pausing this many seconds between runs (Ctrl-C stops).",
        )
        parser.add_argument(
            "--unpublished",
            action="store_true",
            help="Also publish never-published tasks still inside their retry backoff.",
        )
        parser.add_argument(
            "--all",
            action="store_true",
            dest="everything",
            help="Republish every unfinished task now, even ones published recently "
            "(after the broker lost its queue). Tasks are idempotent; this can run some twice.",
        )

    def handle(self, *args, loop=None, unpublished=False, everything=False, **options):
        while True:
            counts = drain(seconds=60, unpublished=unpublished, everything=everything)
            counts["pruned"] = prune()
            figures = stats()
            self.stdout.write(
                "published {published}, ran {ran}, failed {failed}, broker down {broker_down}, "
                "pruned {pruned}; pending {pending}".format(**counts)
                + f" (unpublished {figures['unpublished']}, "
                f"oldest waiting {figures['oldest_waiting_age']} s)"
            )
            if not loop:
                return
            time.sleep(loop)
