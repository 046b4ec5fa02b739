# ruff: noqa: S603, S607, S608 - runs our own psql and Python with fixed database names
"""Benchmark at scale: 100,000 learners and 10,000,000 review logs on PostgreSQL.

Not part of `make test`. `make bench-scale` (or `python bench/scale.py`) builds two
PostgreSQL databases on 127.0.0.1 (user postgres): ``bench_small`` holds the demo
(migrate + load_demo) and ``bench_scale`` is a copy of it seeded by bench/scale_seed.py.
It then times the pages that read a learner's history on both (bench/scale_measure.py,
Django's test client, Redis DB 8 as the cache) and prints, per page, the query counts
(which must be equal: pages are flat in history) and p50 (which must stay within 2x).
A report goes to var/bench/scale-<timestamp>.md.

--rows-scale 0.1 seeds a tenth of the rows for a quick run; --keep keeps both databases
afterwards and --reuse measures databases kept by an earlier run without seeding again.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "site"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
PG = "postgres://postgres@127.0.0.1:5432"
SMALL, LARGE = "bench_small", "bench_scale"
REDIS_URL = "redis://127.0.0.1:6379/8"
NOISE_MS = 5  # a page this much slower is within timing noise whatever the ratio
STATIC_ROOT = ROOT / "var" / "bench" / "static"


def django_env(database):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"{PG}/{database}",
        "REDIS_URL": REDIS_URL,
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
        "STATIC_ROOT": str(STATIC_ROOT),
        "PYTHONPATH": f"{ROOT / 'site'}:{Path(__file__).resolve().parent}",
    }


def admin_sql(sql):
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qAtc", sql], check=True
    )


def database_exists(name):
    found = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qAtc",
         f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return found.stdout.strip() == "1"


def child(action, database, *args):
    """Run this script's Django half (`--child`) against one database."""
    command = [sys.executable, __file__, "--child", action, *args]
    return subprocess.run(
        command, env=django_env(database), check=True, stdout=subprocess.PIPE, text=True
    ).stdout


def build(scale):
    started = time.perf_counter()
    for name in (LARGE, SMALL):
        admin_sql(f"DROP DATABASE IF EXISTS {name}")
    admin_sql(f"CREATE DATABASE {SMALL}")
    print(f"{SMALL}: migrate + load_demo ...", flush=True)
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput"], ["load_demo"]):
        subprocess.run(
            [*manage, *command], env=django_env(SMALL), check=True, stdout=subprocess.DEVNULL
        )
    admin_sql(f"CREATE DATABASE {LARGE} TEMPLATE {SMALL}")
    print(f"{LARGE}: a copy of {SMALL}, seeded at rows scale {scale} ...", flush=True)
    counts = json.loads(child("seed", LARGE, str(scale)).splitlines()[-1])
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return counts


def compare(small, large):
    """Rows of (who, page, queries small/large, p50 small/large, verdict)."""
    by_key = {(row["who"], row["page"]): row for row in small}
    rows = []
    for row in large:
        base = by_key.get((row["who"], row["page"]))
        if base is None:
            continue
        same = base["queries"] == row["queries"]
        ratio = row["p50"] / base["p50"] if base["p50"] else float("inf")
        fast_enough = ratio <= 2 or row["p50"] - base["p50"] < NOISE_MS
        verdict = "ok" if same and fast_enough else ("QUERIES DIFFER" if not same else "SLOW")
        if row["status"] != base["status"]:
            verdict = f"STATUS {base['status']}/{row['status']}"
        rows.append((row["who"], row["page"], base, row, ratio, verdict))
    return rows


def report(rows, counts, scale, large):
    header = (
        "| who | page | queries small | queries scale | p50 small ms | p50 scale ms | ratio | |"
    )
    lines = [header, "|---|---|---|---|---|---|---|---|"]
    for who, page, base, row, ratio, verdict in rows:
        lines.append(
            f"| {who} | {page} | {base['queries']} | {row['queries']} | {base['p50']:.1f} "
            f"| {row['p50']:.1f} | {ratio:.2f} | {verdict} |"
        )
    slow = [
        f"- {row['who']} / {row['page']}: {ms} ms: `{sql}`"
        + (f"\n\n```\n{plan}\n```" if plan else "")
        for row in large
        for ms, sql, plan in row["slowest"]
    ]
    seeded = [f"| {table} | {rows:,} |" for table, rows in counts.items()]
    return "\n".join(
        [
            f"# Scale benchmark, {datetime.now():%Y-%m-%d %H:%M}, rows scale {scale}",
            "",
            *lines,
            "",
            "## Seeded rows",
            "",
            "| table | rows added |",
            "|---|---|",
            *seeded,
            "",
            f"## Queries over 20 ms on {LARGE}",
            "",
            *(slow or ["None."]),
            "",
        ]
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows-scale", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", "30")))
    parser.add_argument("--keep", action="store_true", help="keep both databases afterwards")
    parser.add_argument("--reuse", action="store_true", help="measure databases kept earlier")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return run_child(*args.child)
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
    reuse = args.reuse and database_exists(SMALL) and database_exists(LARGE)
    try:
        counts = {} if reuse else build(args.rows_scale)
        results = {}
        for name in (SMALL, LARGE):
            print(f"measuring {name} ({args.rounds} rounds a page) ...", flush=True)
            output = child("measure", name, str(args.rounds))
            results[name] = json.loads(output.splitlines()[-1])
    finally:
        if not args.keep:
            for name in (LARGE, SMALL):
                admin_sql(f"DROP DATABASE IF EXISTS {name}")
    text = report(compare(results[SMALL], results[LARGE]), counts, args.rows_scale, results[LARGE])
    print(text)
    out = ROOT / "var" / "bench" / f"scale-{datetime.now():%Y%m%d-%H%M%S}.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    print(f"written to {out.relative_to(ROOT)}")


def run_child(action, *args):
    import django

    django.setup()
    if action == "seed":
        from scale_seed import Seeder

        counts = Seeder(
            float(args[0]), out=lambda line: print(line, file=sys.stderr, flush=True)
        ).seed()
        print(json.dumps(counts))
    elif action == "measure":
        from django.core.cache import cache

        from scale_measure import run_all

        cache.clear()  # Redis DB 8 is shared by both databases' runs
        print(json.dumps(run_all(int(args[0]))))


if __name__ == "__main__":
    main()
