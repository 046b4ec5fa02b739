"""Run a code tree the way production does, on loopback: PostgreSQL, Redis, gunicorn.

Shared by bench/http.py (timings) and bench/prod_smoke.py (many processes). Everything
started here is torn down by the caller's `finally`; nothing here touches the database
or Redis DB of anything else (the caller names its own).

Production settings refuse to start without SECRET_KEY, ALLOWED_HOSTS, REDIS_URL and a
real mail backend, and redirect plain HTTP to HTTPS. `production_env` supplies the first
four; the clients here speak to gunicorn as the TLS-terminating proxy would, with
`X-Forwarded-Proto: https` and `X-Forwarded-For` (the rate limits read the client
address from it), so nothing is redirected and CSRF's origin check sees https.
SECURE_SSL_REDIRECT=false is set as well, so a probe without those headers is answered,
not redirected, and a tree whose settings have no such switch ignores it harmlessly.
"""

import os
import secrets
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests
from bs4 import BeautifulSoup

PG = ["-h", "127.0.0.1", "-U", "postgres"]
PG_URL = "postgres://postgres@127.0.0.1:5432/{name}"
REDIS_URL = "redis://127.0.0.1:6379/{db}"
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "groundschool")


class BenchError(RuntimeError):
    """A step failed; the message says which and what was seen."""


def run(command, **kwargs):
    """Run a fixed command of ours; raise with its output when it fails."""
    done = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # noqa: S603
    if done.returncode:
        tail = (done.stdout + done.stderr)[-3000:]
        raise BenchError(f"{' '.join(map(str, command))} exited {done.returncode}:\n{tail}")
    return done.stdout


def require_tools(*names):
    missing = [name for name in names if shutil.which(name) is None]
    if missing:
        raise BenchError(f"missing on PATH: {', '.join(missing)} (apt-get install them)")


# --- PostgreSQL and Redis ---------------------------------------------------------


def create_database(name):
    drop_database(name)
    run(["createdb", *PG, name])
    return PG_URL.format(name=name)


def drop_database(name):
    run(["dropdb", *PG, "--if-exists", "--force", name])


def flush_redis(db):
    run(["redis-cli", "-n", str(db), "FLUSHDB"])


# --- Processes ----------------------------------------------------------------------


def production_env(tree, database_url, redis_url, tmp, extra=None):
    """The environment of one production process of `tree` (a checkout with .venv)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DEBUG", "PYTHONPATH"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="bench-" + secrets.token_urlsafe(48),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        DEBUG="false",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(Path(tmp) / "emails"),
        STATIC_ROOT=str(Path(tmp) / "static"),
        MEDIA_ROOT=str(Path(tmp) / "media"),
        PRIVATE_MEDIA_ROOT=str(Path(tmp) / "private-media"),
        SITE_URL="http://127.0.0.1",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(Path(tree) / "site"),
    )
    env.update(extra or {})
    return env


def manage(tree, env, *args):
    return run([str(Path(tree) / ".venv/bin/python"), "manage.py", *args], cwd=tree, env=env)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(command, cwd, env, log_path):
    """Start a long-running process in its own session so stop() ends all its children."""
    log = open(log_path, "ab")  # noqa: SIM115 - the child writes to it until stopped
    return subprocess.Popen(  # noqa: S603
        command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def start_gunicorn(tree, env, port, log_path, workers=2, extra_args=()):
    command = [
        str(Path(tree) / ".venv/bin/gunicorn"),
        *["--chdir", str(Path(tree) / "site"), "--bind", f"127.0.0.1:{port}"],
        *["--workers", str(workers), "--worker-class", "sync", "--timeout", "60"],
        *extra_args,
        "config.wsgi",
    ]
    process = start(command, tree, env, log_path)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/livez", process, log_path)
    except BaseException:
        stop(process)
        raise
    return process


def wait_for_http(url, process, log_path, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"{url}: the server exited:\n{Path(log_path).read_text()[-3000:]}")
        try:
            if requests.get(url, headers=PROXY_HEADERS, timeout=seconds).status_code < 500:
                return
        except (requests.ConnectionError, requests.Timeout):
            pass
        time.sleep(0.3)
    raise BenchError(f"{url} did not answer within {seconds} s")


def stop(process, seconds=15):
    """TERM the process group (gunicorn's master and workers, celery's pool), then KILL."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, 15)
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        process.wait(5)
    except ProcessLookupError:
        pass


# --- A browser-like client ----------------------------------------------------------


class LoopbackSession(requests.Session):
    """A browser behind the TLS-terminating proxy: sends the Secure cookies production
    sets (session, CSRF) over loopback http, and follows redirects itself so each hop
    carries them (requests' own redirect handling would drop them, and an absolute
    https:// Location would leave loopback)."""

    def __init__(self, base_url):
        super().__init__()
        self.base_url = base_url.rstrip("/")
        origin = "https://" + self.base_url.split("://", 1)[1]
        self.headers.update(PROXY_HEADERS | {"Origin": origin, "User-Agent": "groundschool-bench"})

    def request(self, method, url, *args, allow_redirects=True, **kwargs):
        url = self.base_url + url if url.startswith("/") else url
        response = super().request(method, url, *args, allow_redirects=False, **kwargs)
        hops = [response]
        for _ in range(10):
            self.keep_secure_cookies()
            if not (allow_redirects and response.is_redirect):
                response.hops = hops  # the first answered the request itself
                return response
            location = urlsplit(urljoin(response.url, response.headers["Location"]))
            next_url = (
                self.base_url + location.path + (f"?{location.query}" if location.query else "")
            )
            response = super().request("GET", next_url, allow_redirects=False)
            hops.append(response)
        raise BenchError(f"{url}: more than 10 redirects")

    def keep_secure_cookies(self):
        for cookie in self.cookies:
            cookie.secure = False


def client(base_url):
    """A session that speaks to `base_url` as a browser behind TLS would."""
    return LoopbackSession(base_url)


def form_fields(form):
    """The values a browser would submit for `form` untouched (first option, checked boxes)."""
    fields = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        kind = (field.get("type") or "").lower()
        if not name or kind in {"submit", "button", "file", "image"}:
            continue
        if kind in {"checkbox", "radio"} and not field.has_attr("checked"):
            continue
        if field.name == "select":
            option = field.find("option", selected=True) or field.find("option")
            fields[name] = option.get("value", option.text) if option else ""
        elif field.name == "textarea":
            fields[name] = field.text
        else:
            fields[name] = field.get("value", "")
    return fields


def find_form(html, url, match):
    """The first form in `html` for which match(form) is true."""
    for form in BeautifulSoup(html, "html.parser").find_all("form"):
        if match(form):
            return form
    raise BenchError(f"{url}: no such form on the page")


def sign_in(session, email, password=DEMO_PASSWORD):
    """Log in through the real login form and open the page it leads to (which shows and
    clears the "logged in" message); return the session's cookies."""
    url = "/accounts/login/"
    page = session.get(url, timeout=30)
    form = find_form(page.text, url, lambda f: f.find("input", attrs={"name": "password"}))
    data = form_fields(form) | {"login": email, "password": password}
    response = session.post(url, data=data, timeout=30, allow_redirects=False)
    if response.status_code != 302 or "sessionid" not in session.cookies:
        raise BenchError(f"login as {email} failed: HTTP {response.status_code}")
    session.get(response.headers["Location"], timeout=60)
    return {cookie.name: cookie.value for cookie in session.cookies if cookie.name != "messages"}
