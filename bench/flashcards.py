"""Benchmark: the next card and recording a review for a learner with 20,000 cards.

Not part of `make test` (timings vary by machine). Run `python bench/flashcards.py`;
it builds a throwaway SQLite database under var/bench/ with one learner whose cards
are spread across NEW, LEARNING and REVIEW (some due), then times
`todays_queue(user).next_state()` and `review_card(...)` over BENCH_ROUNDS rounds and
prints p50/p95 in milliseconds with the query count of one call. Target: < 20 ms each.
"""

import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "site"))
BENCH_DB = ROOT / "var" / "bench" / "flashcards.sqlite3"
BENCH_DB.parent.mkdir(parents=True, exist_ok=True)
BENCH_DB.unlink(missing_ok=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ["DATABASE_URL"] = f"sqlite:///{BENCH_DB}"
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

CARDS = int(os.environ.get("BENCH_CARDS", "20000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "200"))


def build_learner():
    """One learner, one deck of CARDS cards: 40% new, 10% learning, 50% review, with
    about a tenth of the reviews due today."""
    from accounts.models import User
    from learning.flashcards import services
    from learning.flashcards.models import CardState, CardStateKind, Deck, Flashcard

    user = User.objects.create_user(email="bench@example.test", password=None)
    deck = Deck.objects.create(owner=user, name="Bench deck")
    Flashcard.objects.bulk_create(
        [Flashcard(deck=deck, front=f"Q {n}", back=f"A {n}", position=n) for n in range(CARDS)],
        batch_size=2_000,
    )
    now = timezone.now()
    services.start_studying(user, deck, now=now - timedelta(days=1))
    rng = random.Random(7)
    changed = []
    for state in CardState.objects.filter(user=user).order_by("pk").iterator():
        roll = rng.random()
        if roll < 0.4:
            continue
        if roll < 0.5:
            state.state, state.step = CardStateKind.LEARNING, 1
            state.due = now + timedelta(minutes=rng.randint(-30, 600))
        else:
            state.state, state.step = CardStateKind.REVIEW, None
            state.due = now + timedelta(days=rng.uniform(-1, 60))
        state.stability, state.difficulty = rng.uniform(1, 90), rng.uniform(1, 10)
        state.last_review, state.reps = now - timedelta(days=rng.randint(1, 30)), 3
        changed.append(state)
    CardState.objects.bulk_update(
        changed,
        ["state", "step", "due", "stability", "difficulty", "last_review", "reps"],
        batch_size=1_000,
    )
    return user


def timed(work):
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    start = time.perf_counter()
    with connection.execute_wrapper(count):
        result = work()
    return (time.perf_counter() - start) * 1000, len(queries), result


def main():
    call_command("migrate", verbosity=0)
    from learning.flashcards import services
    from learning.flashcards.queue import todays_queue

    user = build_learner()
    user.preferences  # noqa: B018 - loaded once per request in the real site
    services.study_settings_for(user)
    fetch_times, review_times, fetch_queries, review_queries = [], [], 0, 0
    rng = random.Random(11)
    for round_number in range(ROUNDS):
        ms, fetch_queries, state = timed(lambda: todays_queue(user).next_state())
        fetch_times.append(ms)
        if state is None:
            break
        ms, review_queries, _ = timed(
            lambda state=state, n=round_number: services.review_card(
                user, state.card_id, rng.choice([1, 3, 3, 3, 4]), shown_token=f"bench-{n}"
            )
        )
        review_times.append(ms)
    print(f"{CARDS} cards, {len(review_times)} rounds (SQLite, {BENCH_DB.name})")
    print(f"{'operation':<28} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for label, times, queries in (
        ("todays_queue().next_state()", fetch_times, fetch_queries),
        ("review_card()", review_times, review_queries),
    ):
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
        print(f"{label:<28} {queries:>7} {statistics.median(times):>8.2f} {p95:>8.2f}")


if __name__ == "__main__":
    main()
