"""Helpers for race tests: real threads against PostgreSQL (SQLite serialises every
write, so it cannot show a race)."""

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

from django.db import connection, connections

import pytest

POSTGRES_RACES = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks and real parallel writers need PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_site"),
]


def postgres_race(test):
    """POSTGRES_RACES for one test in a module whose other tests need none of it."""
    for mark in reversed(POSTGRES_RACES):
        test = mark(test)
    return test


def in_parallel(count, work, catch=()):
    """``work(n)`` for n in 0..count-1, each in its own thread with its own connection,
    all released together (a barrier) so they really overlap. Exceptions of the `catch`
    types come back as results, for tests that count refusals; others are raised."""
    start = Barrier(count)

    def run(n):
        try:
            start.wait(timeout=30)
            return work(n)
        except catch as error:
            return error
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))
