"""HTTP benchmark of code trees side by side, as issue 19 measures: gunicorn (2 sync
workers), PostgreSQL, Redis, production settings, wrk; repetitions interleaved across
trees (rep 1: tree A, tree B; rep 2: A, B; ...), medians reported.

    .venv/bin/python bench/http_bench.py --tree before=/tmp/bench-before --tree after=.

Each tree is a checkout with its own .venv (a symlink is fine). Per tree: a fresh
database bench_<name>, migrate, load_demo, collectstatic into a temp dir, gunicorn on a
free port, the demo learners signed in through the login form. Before each tree's turn
Redis DB 9 (cache and sessions) is flushed and every page is fetched once, as a running
server would have it warm. Per page: req/s at 16 connections, p50 at one, and (first
repetition) the queries of one warm request, counted in the tree's own Django
(bench/http_probe.py) on the same database and Redis. Everything started is stopped and
dropped at the end, also on failure or Ctrl-C. Named http_bench, not http: a bench/http.py
would shadow the standard library's http package for every script in bench/.
"""

import argparse
import json
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import serving  # noqa: E402

REDIS_DB = 9
# (page, viewer, path or the key of a path found by http_probe.py)
PAGES = [
    ("premium lesson", "premium", "premium_lesson"),
    ("course page", "guest", "course"),
    ("course page", "premium", "course"),
    ("home", "guest", "/"),
    ("dashboard", "learner", "/dashboard/"),
    ("dashboard", "premium", "/dashboard/"),
    ("catalog /courses/", "guest", "/courses/"),
    ("/acs/pa/", "guest", "/acs/pa/"),
    ("examiner page", "guest", "examiner"),
]
VIEWERS = {"premium": "premium@demo.test", "learner": "learner@demo.test"}


@dataclass
class Tree:
    name: str
    path: Path
    tmp: Path = None
    port: int = 0
    env: dict = field(default_factory=dict)
    gunicorn: object = None
    paths: dict = field(default_factory=dict)
    cookies: dict = field(default_factory=dict)
    results: dict = field(default_factory=dict)  # (page, viewer) -> {metric: [values]}

    @property
    def database(self):
        return f"bench_{self.name}"

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def commit(self):
        done = subprocess.run(  # noqa: S603
            ["git", "-C", str(self.path), "rev-parse", "--short", "HEAD"],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
        dirty = subprocess.run(  # noqa: S603
            ["git", "-C", str(self.path), "status", "--porcelain", "--untracked-files=no"],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        return done.stdout.strip() + (" + uncommitted changes" if dirty else "")


def set_up(tree):
    """Database, demo content, static files, gunicorn and signed-in viewers for one tree.

    Migrations and the demo run with the dev settings and no REDIS_URL, so two trees set
    up at once never share a cache; serving uses the production settings and Redis."""
    tree.tmp = Path(tempfile.mkdtemp(prefix=f"bench-{tree.name}-"))
    database_url = serving.create_database(tree.database)
    redis_url = serving.REDIS_URL.format(db=REDIS_DB)
    tree.env = serving.production_env(tree.path, database_url, redis_url, tree.tmp)
    loading = {k: v for k, v in tree.env.items() if k != "REDIS_URL"}
    loading["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    serving.manage(tree.path, loading, "migrate", "--noinput")
    serving.manage(tree.path, loading, "load_demo")
    serving.manage(tree.path, tree.env, "collectstatic", "--noinput")
    tree.paths = json.loads(probe(tree, "paths"))
    tree.port = serving.free_port()
    tree.gunicorn = serving.start_gunicorn(
        tree.path, tree.env, tree.port, tree.tmp / "gunicorn.log"
    )
    for viewer, email in VIEWERS.items():
        tree.cookies[viewer] = serving.sign_in(serving.client(tree.base_url), email)
    tree.cookies["guest"] = {}


def probe(tree, mode, stdin=None):
    """Run bench/http_probe.py in the tree's Django; -P keeps bench/ off sys.path."""
    command = [str(tree.path / ".venv/bin/python"), "-P", str(ROOT / "bench/http_probe.py"), mode]
    return serving.run(command, cwd=tree.path, env=tree.env, input=stdin)


def page_path(tree, path):
    return tree.paths.get(path, path)


def cookie_header(cookies):
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def warm(tree):
    """Fetch every page as its viewer (three times: the page cache stores on a miss and
    answers the next); refuse to measure a page that does not answer 200."""
    cache_headers = {}
    for page, viewer, path in PAGES:
        url = tree.base_url + page_path(tree, path)
        headers = serving.PROXY_HEADERS | {"Cookie": cookie_header(tree.cookies[viewer])}
        for _ in range(3):
            response = requests.get(url, headers=headers, allow_redirects=False, timeout=60)
        if response.status_code != 200:
            raise serving.BenchError(f"{tree.name}: {url} as {viewer}: HTTP {response.status_code}")
        cache_headers[(page, viewer)] = response.headers.get("X-Page-Cache", "")
    return cache_headers


def count_queries(tree):
    host = f"127.0.0.1:{tree.port}"
    pages = [
        {
            "label": f"{page}|{viewer}",
            "path": page_path(tree, path),
            "cookies": tree.cookies[viewer],
            "host": host,
        }
        for page, viewer, path in PAGES
    ]
    counts = json.loads(probe(tree, "queries", stdin=json.dumps(pages)))
    return {tuple(label.split("|")): count for label, count in counts.items()}


def wrk(url, cookies, connections, seconds, latency):
    command = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s"]
    command += ["--timeout", "30s"]  # a slow page is measured, not dropped as a timeout
    command += ["--latency"] if latency else []
    for name, value in serving.PROXY_HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    if cookies:
        command += ["-H", f"Cookie: {cookie_header(cookies)}"]
    output = serving.run([*command, url])
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if failed or (errors and any(int(n) for n in errors.groups())):
        raise serving.BenchError(f"wrk {url}: failed requests:\n{output}")
    if re.search(r"\b0 requests in", output):
        raise serving.BenchError(
            f"wrk {url}: no request finished in {seconds} s (raise --duration or "
            f"--latency-duration, or measure on a quieter machine):\n{output}"
        )
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    if latency:
        value, unit = re.search(r"\s50%\s+([\d.]+)(us|ms|s)\b", output).groups()
        result["p50"] = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    return result


def drain(url, cookies):
    """Wait out the requests wrk left queued in gunicorn at 16 connections (it stops
    sending, the workers still answer them), so the next run starts on idle workers."""
    headers = serving.PROXY_HEADERS | {"Cookie": cookie_header(cookies)}
    for _ in range(2):
        requests.get(url, headers=headers, allow_redirects=False, timeout=300)


def measure(tree, args, first):
    serving.flush_redis(REDIS_DB)
    cache_headers = warm(tree)
    if first:
        tree.results["queries"] = count_queries(tree)
        tree.results["cache"] = cache_headers
    for page, viewer, path in PAGES:
        url = tree.base_url + page_path(tree, path)
        cookies = tree.cookies[viewer]
        busy = wrk(url, cookies, 16, args.duration, latency=False)
        drain(url, cookies)
        single = wrk(url, cookies, 1, args.latency_duration, latency=True)
        series = tree.results.setdefault((page, viewer), {"rps": [], "p50": []})
        series["rps"].append(busy["rps"])
        series["p50"].append(single["p50"])
        print(
            f"  {tree.name:<8} {page:<18} {viewer:<8} {busy['rps']:8.1f} req/s  "
            f"p50 {single['p50']:7.1f} ms",
            flush=True,
        )


def table(trees, args, started):
    lines = [
        f"# HTTP benchmark, {time.strftime('%Y-%m-%d %H:%M', time.localtime(started))}",
        "",
        f"gunicorn 2 sync workers, PostgreSQL, Redis DB {REDIS_DB}, production settings; "
        f"wrk -t2 -c16 -d{args.duration}s (req/s) and -t1 -c1 -d{args.latency_duration}s "
        f"(p50); median of {args.reps} interleaved repetitions; queries of one warm request.",
        "",
        *[f"- {tree.name}: {tree.path} ({tree.commit()})" for tree in trees],
        "",
        "| page | viewer | tree | queries | p50 ms @1 | req/s @16 | X-Page-Cache |",
        "|---|---|---|---|---|---|---|",
    ]
    for page, viewer, _ in PAGES:
        for tree in trees:
            series = tree.results[(page, viewer)]
            queries = tree.results["queries"].get((page, viewer))
            lines.append(
                f"| {page} | {viewer} | {tree.name} | {'-' if queries is None else queries} "
                f"| {statistics.median(series['p50']):.1f} "
                f"| {statistics.median(series['rps']):.1f} "
                f"| {tree.results['cache'].get((page, viewer)) or '-'} |"
            )
    return "\n".join(lines) + "\n"


def tear_down(trees):
    for tree in trees:
        serving.stop(tree.gunicorn)
    for tree in trees:
        try:
            serving.drop_database(tree.database)
        except serving.BenchError as error:
            print(f"warning: {error}", file=sys.stderr)
        if tree.tmp:
            subprocess.run(["rm", "-rf", str(tree.tmp)], check=False)  # noqa: S603, S607
    serving.flush_redis(REDIS_DB)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--tree",
        action="append",
        metavar="NAME=PATH",
        help="a checkout to measure (repeatable; default: current=this checkout)",
    )
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk at 16 connections")
    parser.add_argument(
        "--latency-duration", type=int, default=3, help="seconds of wrk at 1 connection"
    )
    args = parser.parse_args()
    trees = []
    for spec in args.tree or [f"current={ROOT}"]:
        name, _, path = spec.partition("=")
        if not re.fullmatch(r"[a-z][a-z0-9_]{0,30}", name) or not path:
            parser.error(f"--tree {spec}: NAME=PATH, NAME lowercase letters, digits, _")
        if not (Path(path) / ".venv/bin/gunicorn").exists():
            parser.error(f"--tree {spec}: no .venv/bin/gunicorn (symlink a .venv into it)")
        trees.append(Tree(name, Path(path).resolve()))
    if len({tree.name for tree in trees}) != len(trees):
        parser.error("tree names must differ")
    return args, trees


def set_up_all(trees):
    """Set the trees up side by side (each its own database); raise the first failure."""
    failures = []

    def attempt(tree):
        try:
            set_up(tree)
        except Exception as error:  # reported below, with the tree's name
            failures.append(f"{tree.name}: {error}")

    threads = [threading.Thread(target=attempt, args=(tree,)) for tree in trees]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise serving.BenchError("\n".join(failures))


def main():
    args, trees = parse_args()
    serving.require_tools("wrk", "createdb", "dropdb", "redis-cli")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.time()
    try:
        print(f"setting up {', '.join(tree.name for tree in trees)} ...", flush=True)
        set_up_all(trees)
        for rep in range(args.reps):
            print(f"repetition {rep + 1} of {args.reps}", flush=True)
            for tree in trees:
                measure(tree, args, first=rep == 0)
        report = table(trees, args, started)
    except serving.BenchError as error:
        sys.exit(f"bench-http failed: {error}")
    finally:
        tear_down(trees)
    out = ROOT / "var/bench" / f"http-{time.strftime('%Y%m%d-%H%M%S', time.localtime(started))}.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report)
    print("\n" + report + f"\nwritten to {out.relative_to(ROOT)} in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
