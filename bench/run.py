"""Benchmarks: page render times and query counts on the embedded defaults.

Not part of `make test` (timings vary by machine). Run with `make bench`; it uses a
throwaway SQLite database under var/bench/, loads the demo content, then times
anonymous and signed-in requests through Django's test client.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "site"))
BENCH_DB = ROOT / "var" / "bench" / "bench.sqlite3"
BENCH_DB.parent.mkdir(parents=True, exist_ok=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["DATABASE_URL"] = f"sqlite:///{BENCH_DB}"
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("STATIC_ROOT", str(BENCH_DB.parent / "static"))
Path(os.environ["STATIC_ROOT"]).mkdir(exist_ok=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))
PATHS = [
    *["/", "/about/", "/accounts/login/", "/healthz", "/courses/", "/search/?q=airspace"],
    *["/examiners/", "/examiners/demo-examiner-alex-rivera/"],
]
SIGNED_IN_PATHS = ["/dashboard/", "/notes/", "/bookmarks/"]


def course_paths():
    """The demo's premium course page and its last lesson (deepest outline)."""
    from learning.courses.models import CoursePage, LessonPage

    course = CoursePage.objects.live().order_by("-lesson_count").first()
    lesson = LessonPage.objects.descendant_of(course).live().order_by("-path").first()
    return [course.url, lesson.url]


def measure(client, path):
    client.get(path)  # warm caches as a running server has them
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(path)
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
    return response.status_code, len(queries), timings


def main():
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from accounts.models import User

    anonymous = Client(HTTP_HOST="127.0.0.1")
    signed_in = Client(HTTP_HOST="127.0.0.1")
    signed_in.force_login(User.objects.get(email="premium@demo.test"))
    paths = PATHS + course_paths()
    print(f"{'who':<10} {'path':<44} {'status':>6} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for who, client, extra in (("guest", anonymous, []), ("premium", signed_in, SIGNED_IN_PATHS)):
        for path in paths + extra:
            status, queries, timings = measure(client, path)
            p50 = statistics.median(timings)
            p95 = statistics.quantiles(timings, n=20)[18]
            print(f"{who:<10} {path[-44:]:<44} {status:>6} {queries:>7} {p50:>8.2f} {p95:>8.2f}")


if __name__ == "__main__":
    main()
