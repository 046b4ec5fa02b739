"""Benchmark: an announcement fanned out to 10,000 learners.

Not part of `make test` (timings vary by machine). Run `make bench-fanout` (or
`python bench/fanout.py`); it builds a throwaway SQLite database under var/bench/
(or uses BENCH_DATABASE_URL, e.g. a PostgreSQL database of its own), creates
BENCH_LEARNERS learners with verified addresses, a tenth of them on the email channel
for announcements and the rest on the default, then runs the Celery task
notify_in_batches in-process (eager) and prints wall time, rows per second and the
queries spent per 1,000 recipients. The emails themselves are only queued: one
outbox row per batch, delivered later by workers.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "site"))
BENCH_DB = ROOT / "var" / "bench" / "fanout.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
if os.environ.get("BENCH_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
else:
    BENCH_DB.parent.mkdir(parents=True, exist_ok=True)
    BENCH_DB.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{BENCH_DB}"
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

LEARNERS = int(os.environ.get("BENCH_LEARNERS", "10000"))


def build_learners():
    from allauth.account.models import EmailAddress

    from accounts.models import User
    from community.notifications.models import Channel, NotificationPreference

    User.objects.filter(email__startswith="fanout").delete()
    users = User.objects.bulk_create(
        User(email=f"fanout{n}@bench.test", first_name="Bench", password="!")  # noqa: S106
        for n in range(LEARNERS)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=u, email=u.email, primary=True, verified=True) for u in users
    )
    NotificationPreference.objects.bulk_create(
        NotificationPreference(user=u, kind="announcement", channel=Channel.IN_APP)
        for u in users[LEARNERS // 10 :]
    )
    return [u.pk for u in users]


def main():
    if not os.environ.get("BENCH_DATABASE_URL"):
        call_command("migrate", verbosity=0)
    from community.notifications.models import Notification
    from community.notifications.tasks import BATCH_SIZE, notify_in_batches

    ids = build_learners()
    Notification.objects.filter(group_key="announcement:bench").delete()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        stored = notify_in_batches(
            ids,
            "announcement",
            text="Ground school is closed Monday",
            dedupe_key="announcement:bench",
        )
    wall = time.perf_counter() - started
    batches = -(-len(ids) // BATCH_SIZE)
    print(f"recipients        {len(ids):>10,}")
    print(f"rows stored       {stored:>10,}")
    print(f"batches           {batches:>10,}")
    print(f"wall time         {wall:>10.2f} s")
    print(f"rows per second   {stored / wall:>10,.0f}")
    print(f"queries           {len(queries):>10,}")
    print(f"queries per 1,000 {len(queries) / (len(ids) / 1000):>10.1f}")
    retry_started = time.perf_counter()
    again = notify_in_batches(ids, "announcement", text="x", dedupe_key="announcement:bench")
    print(f"retry stored      {again:>10,}  ({time.perf_counter() - retry_started:.2f} s)")


if __name__ == "__main__":
    main()
