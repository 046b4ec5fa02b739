"""Time the pages that read a learner's history, on whichever database Django points at.

Run by bench/scale.py once per database (the demo alone, then the seeded one) and
printed as JSON: per page, the status, the query count of one warm request and the
p50/p95 over the rounds. The same people are measured on both databases (see
scale_seed.py), so the query counts must match exactly.
"""

import os
import statistics
import time

from django.db import connection
from django.test import Client
from django.urls import reverse

from scale_seed import HEAVY_EMAIL, INSTRUCTOR_EMAIL, LIGHT_EMAIL

ADMIN_EMAIL = "admin@demo.test"  # a superuser: every roster, every row

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}
SLOW_QUERY_MS = 20
EXPLAIN = os.environ.get("SCALE_EXPLAIN") == "1"
ROSTERS = [
    ("enrollments", "enrollment"),
    ("enrollments", "lessonprogress"),
    ("enrollments", "useractivity"),
    ("assessments", "attempt"),
    ("orals", "mockoralsession"),
    ("flashcards", "reviewlog"),
    ("flashcards", "cardstate"),
]


def client_for(email):
    from accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    if email:
        client.force_login(User.objects.get(email=email))
    return client


def prepare_light_learner():
    """The light learner studies the official deck (77 cards) on both databases."""
    from accounts.models import User
    from learning.flashcards import services
    from learning.flashcards.models import Deck, DeckStudy

    user = User.objects.get(email=LIGHT_EMAIL)
    deck = Deck.objects.filter(course__isnull=False).order_by("pk").first()
    if not DeckStudy.objects.filter(user=user, deck=deck).exists():
        services.start_studying(user, deck)


def review_request(client, email):
    """A POST rating the learner's next card, as the study page's script sends it."""
    from accounts.models import User
    from learning.flashcards.queue import todays_queue

    state = todays_queue(User.objects.get(email=email)).next_state()
    if state is None:
        return None
    token = f"{int(time.time() * 1000):x}.bench{time.perf_counter_ns()}"
    data = {"card": state.card_id, "rating": 3, "token": token}
    return lambda: client.post(reverse("flashcards_review"), data, **FETCH)


def counted(request):
    """Run ``request`` and return its response with (ms, sql) of every query it made."""
    queries = []

    def timed(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append(((time.perf_counter() - start) * 1000, sql, params))

    with connection.execute_wrapper(timed):
        response = request()
    return response, queries


def measure(label, make_request, rounds):
    """One warm-up, one counted request (queries and their time), then timed rounds."""
    if make_request() is None:
        return {"page": label, "status": "no card", "queries": 0, "p50": 0, "p95": 0, "slowest": []}
    make_request()()
    response, queries = counted(make_request())
    slow = sorted(queries, key=lambda query: query[0], reverse=True)[:3]
    timings = []
    for _ in range(rounds):
        request = make_request()
        if request is None:  # e.g. the learner has no card left to review
            break
        start = time.perf_counter()
        request()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "page": label,
        "status": response.status_code,
        "queries": len(queries),
        "p50": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1] if len(timings) > 1 else timings[0],
        "slowest": [
            (round(ms, 1), sql[:600], explain(sql, params) if EXPLAIN else "")
            for ms, sql, params in slow
            if ms >= SLOW_QUERY_MS
        ],
    }


def explain(sql, params):
    """The plan PostgreSQL ran, with timings and buffers (``SCALE_EXPLAIN=1``)."""
    if not sql.lstrip().upper().startswith("SELECT"):
        return ""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def get(client, path):
    return lambda: lambda: client.get(path)


def examiner_path():
    from snippets.models import Examiner

    return f"/examiners/{Examiner.objects.order_by('pk').first().slug}/"


def roster_paths():
    from learning.assessments.models import Assessment

    paths = []
    for app, model in ROSTERS:
        paths.append((f"admin {app}.{model} list", reverse(f"{app}_{model}_modeladmin_index")))
    paths.append(("admin quiz statistics", "/admin/assessments/stats/"))
    busiest = Assessment.objects.order_by("pk").first()
    paths.append(("admin one quiz's statistics", f"/admin/assessments/{busiest.pk}/stats/"))
    return paths


def run_all(rounds):
    from django.conf import settings

    settings.DEBUG = False
    prepare_light_learner()
    results = []
    for who, email in (("heavy", HEAVY_EMAIL), ("light", LIGHT_EMAIL)):
        client = client_for(email)
        for label, path in (
            ("next card (study page)", reverse("flashcards_study")),
            ("dashboard", reverse("dashboard")),
            ("flashcard stats", reverse("flashcards_stats")),
            ("flashcard decks (due counts)", reverse("flashcards_home")),
            ("examiner page, signed in", examiner_path()),
        ):
            results.append({"who": who, **measure(label, get(client, path), rounds)})
        results.append(
            {
                "who": who,
                **measure(
                    "review POST (fetch)", lambda c=client, e=email: review_request(c, e), rounds
                ),
            }
        )
    results.append(
        {
            "who": "guest",
            **measure("examiner page (guest)", get(client_for(None), examiner_path()), rounds),
        }
    )
    for who, email in (("instructor", INSTRUCTOR_EMAIL), ("admin", ADMIN_EMAIL)):
        staff = client_for(email)
        for label, path in roster_paths():
            if staff.get(path).status_code == 200:  # lists an instructor may not open are skipped
                results.append({"who": who, **measure(label, get(staff, path), rounds)})
    return results
