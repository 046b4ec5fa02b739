"""Helpers for race tests: real threads against PostgreSQL (SQLite serialises every
write, so it cannot show a race)."""

from concurrent.futures import ThreadPoolExecutor

from django.db import connection

import pytest

POSTGRES_RACES = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks and real parallel writers need PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_site"),
]


def in_parallel(count, work):
    """``work(n)`` for n in 0..count-1, each in its own thread with its own connection."""

    def run(n):
        try:
            return work(n)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))
