"""`make lighthouse`: Lighthouse scores for the pages a visitor meets first.

Serves a fresh demo the way production does (production settings, gunicorn, hashed
and compressed static files through WhiteNoise, a Redis cache of its own) and runs
Lighthouse from npm in Debian's Chromium against the home page, the catalog, a
course, a free preview lesson and the ACS index, with Lighthouse's default mobile
emulation and throttling. Fails unless accessibility is 100 and performance, best
practices and SEO are at least 95 on every page.

It starts everything it needs on free loopback ports and removes it afterwards
(database and reports stay in var/lighthouse/ for reading). Not part of `make test`:
one page takes Lighthouse 15-30 seconds.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
OUT = ROOT / "var" / "lighthouse"

PAGES = {
    "home": "/",
    "catalog": "/courses/",
    "course": "/courses/private-pilot-checkride-prep/",
    "lesson": None,  # the demo's first free preview lesson, looked up after loading
    "acs": "/acs/",
}
MINIMUM = {"accessibility": 100, "performance": 95, "best-practices": 95, "seo": 95}


def free_port():
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"{process.args[0]} exited with {process.returncode}")
        with closing(socket.socket()) as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    sys.exit(f"nothing listened on port {port} after {seconds}s")


def started(stack, command, port, **kwargs):
    process = subprocess.Popen(command, **kwargs)
    stack.callback(process.wait, timeout=30)
    stack.callback(process.terminate)
    wait_for_port(port, process)
    return process


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def first_free_preview(env):
    code = (
        "from learning.courses.models import LessonPage;"
        "print(LessonPage.objects.live().filter(is_free_preview=True).first().url)"
    )
    shell = [PYTHON, "manage.py", "shell", "-c", code]
    return subprocess.run(shell, cwd=ROOT, env=env, check=True, capture_output=True, text=True)


def run_lighthouse(command, attempts=3):
    """Lighthouse now and then fails to record a trace (NO_NAVSTART); try again."""
    for attempt in range(1, attempts + 1):
        if subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}).returncode == 0:
            return
        print(f"lighthouse failed (attempt {attempt} of {attempts})", file=sys.stderr)
    sys.exit(f"lighthouse kept failing: {' '.join(command)}")


def scores(report_path):
    report = json.loads(report_path.read_text())
    return {name: round(category["score"] * 100) for name, category in report["categories"].items()}


def main():
    for tool, hint in (
        (LIGHTHOUSE, "npm ci --prefix tools/lighthouse"),
        (Path(CHROMIUM), "apt-get install chromium"),
    ):
        if not tool.exists():
            sys.exit(f"{tool} is missing ({hint})")
    OUT.mkdir(parents=True, exist_ok=True)
    redis_port, web_port = free_port(), free_port()
    site_url = f"http://127.0.0.1:{web_port}"
    database = OUT / "lighthouse.sqlite3"
    database.unlink(missing_ok=True)
    with ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": site_url,
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": f"sqlite:///{database}",
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(scratch / "mail"),
            "STATIC_ROOT": str(scratch / "static"),
            "MEDIA_ROOT": str(scratch / "media"),
        }
        env.pop("CELERY_BROKER_URL", None)  # tasks run in-process
        redis = ["redis-server", "--bind", "127.0.0.1", "--port", str(redis_port)]
        redis += ["--save", "", "--appendonly", "no", "--dir", str(scratch)]
        started(stack, redis, redis_port, stdout=subprocess.DEVNULL)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")
        manage(env, "load_demo")
        # The shell may print a banner first; the URL is its last line.
        pages = {**PAGES, "lesson": first_free_preview(env).stdout.strip().splitlines()[-1]}
        web = [str(GUNICORN), "--chdir", "site", "--pythonpath", str(HERE)]
        web += ["--workers", "2", "--bind", f"127.0.0.1:{web_port}", "media_wsgi"]
        started(stack, web, web_port, cwd=ROOT, env=env)
        failures = []
        for name, path in pages.items():
            report = OUT / f"{name}.json"
            command = [
                str(LIGHTHOUSE),
                site_url + path,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ]
            run_lighthouse(command)
            got = scores(report)
            print(
                f"{name:8} {path:60} " + "  ".join(f"{key} {value}" for key, value in got.items())
            )
            failures += [
                f"{name}: {key} {got[key]} < {floor}"
                for key, floor in MINIMUM.items()
                if got[key] < floor
            ]
    if failures:
        sys.exit("Below the bar:\n  " + "\n  ".join(failures))
    print(f"All pages meet the bar; reports in {OUT}")


if __name__ == "__main__":
    main()
