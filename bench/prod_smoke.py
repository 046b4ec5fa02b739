"""Production smoke test with many processes: nothing may depend on hitting one twice.

    .venv/bin/python bench/prod_smoke.py        (make prod-smoke)

Starts, on loopback, two gunicorn processes (2 sync workers each), two Celery workers
and beat, on a fresh PostgreSQL database (groundschool_smoke) and Redis (DB 10: cache
and sessions; DB 11: broker), behind nginx (Debian's; a generated config in a temp dir,
run as `nginx -p DIR -c nginx.conf`) that round-robins requests over the two gunicorns
and names the one that answered in an X-Upstream header, as a TLS-terminating proxy
would (X-Forwarded-Proto: https). Then a new learner, through the proxy with a plain
HTTP client: signs up and confirms the email read from the mail a Celery worker
delivered (file backend), logs out and in, enrolls in the free course, opens a lesson
and completes it, takes its quiz, imports a CSV deck (run by a worker; polled on the
job's status endpoint) and reviews its cards. Each step's result is checked on a page
served by the other gunicorn than the one that took the write. Last, the live socket:
nginx sends /ws/ to a daphne process (config.asgi); the learner messages their course's
instructor, opens the socket through the proxy, and a message sent through gunicorn
must reach that socket on daphne (the event crosses processes on the Redis layer).
Exits non-zero with the failed step; always stops every process, drops the database and
flushes both Redis DBs.
"""

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import serving  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402
from websockets.sync.client import connect as open_socket  # noqa: E402

DATABASE = "groundschool_smoke"
CACHE_DB, BROKER_DB = 10, 11
FREE_COURSE = "/courses/weather-briefing-basics/"
LEARNER = {"name": "Sam Smoke", "email": "sam.smoke@example.test", "password": "Base-Leg-27-Left"}
FRONTS = ["VFR fuel reserve (day)", "Squawk for lost comms"]
DECK_CSV = f"front,back,tags\n{FRONTS[0]},30 minutes,fuel\n{FRONTS[1]},7600,\n"
NGINX_CONF = """\
{user}
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log {tmp}/nginx-access.log;
    client_body_temp_path {tmp}/nginx-body;
    proxy_temp_path {tmp}/nginx-proxy;
    fastcgi_temp_path {tmp}/nginx-fastcgi;
    uwsgi_temp_path {tmp}/nginx-uwsgi;
    scgi_temp_path {tmp}/nginx-scgi;
    client_max_body_size 110m;
    upstream groundschool {{ server 127.0.0.1:{a}; server 127.0.0.1:{b}; }}
    upstream live {{ server 127.0.0.1:{live}; }}
    map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
    server {{
        listen 127.0.0.1:{port};
        location /ws/ {{
            proxy_pass http://live;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto https;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_read_timeout 1h;
        }}
        location / {{
            proxy_pass http://groundschool;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto https;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_next_upstream off;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


class Journey:
    """A learner's browser through the proxy, logging which gunicorn served what."""

    def __init__(self, base_url, mail_dir):
        self.http = serving.client(base_url)
        self.mail_dir = mail_dir
        self.served = []  # (upstream, method, url) of every request and redirect hop

    def call(self, method, path, **kwargs):
        response = self.http.request(method, path, timeout=60, **kwargs)
        for hop in response.hops:
            self.served.append((hop.headers.get("X-Upstream", "?"), hop.request.method, hop.url))
        if response.status_code >= 400:
            fail(f"{method} {path}: HTTP {response.status_code} from {upstream(response)}")
        return response

    def page(self, path, avoid=None):
        """GET `path` from a gunicorn other than `avoid` (round robin: at most two tries)."""
        for _ in range(3):
            response = self.call("GET", path)
            if avoid is None or response.headers.get("X-Upstream") != avoid:
                return response
        fail(f"GET {path}: every answer came from {avoid}; is the proxy round-robin?")

    def submit(self, response, match, fields=None, files=None):
        """Post the first form on `response`'s page that match(form) accepts."""
        form = serving.find_form(response.text, response.url, match)
        data = serving.form_fields(form) | (fields or {})
        action = form.get("action") or response.url
        return self.call("POST", action, data=data, files=files)


def fail(message):
    raise serving.BenchError(message)


def expect(text, response, step):
    if text not in response.text:
        fail(f"{step}: {text!r} not on {response.url} (from {response.headers.get('X-Upstream')})")
    print(f"  ok  {step} (seen on {response.headers.get('X-Upstream')})", flush=True)


def upstream(response):
    """The gunicorn that answered the request itself (a POST), not its redirect."""
    return response.hops[0].headers.get("X-Upstream")


def has_action(*parts):
    return lambda form: all(part in (form.get("action") or "") for part in parts)


def sign_up(journey):
    page = journey.page("/accounts/signup/")
    fields = {
        "display_name": LEARNER["name"],
        "email": LEARNER["email"],
        "password1": LEARNER["password"],
        "password2": LEARNER["password"],
    }
    done = journey.submit(page, lambda f: f.find("input", attrs={"name": "password2"}), fields)
    expect("Check your email", done, "sign up")
    link = confirmation_link(journey.mail_dir, LEARNER["email"])
    confirm = journey.page(link)
    landed = journey.submit(confirm, has_action("/confirm-email/"))
    dashboard = journey.page("/dashboard/", avoid=upstream(landed))
    expect(LEARNER["name"], dashboard, "confirm the email, signed in")
    journey.submit(dashboard, has_action("/accounts/logout/"))
    serving.sign_in(journey.http, LEARNER["email"], LEARNER["password"])
    expect(LEARNER["name"], journey.page("/dashboard/"), "log out, log in")


def confirmation_link(mail_dir, email, seconds=90):
    """The confirmation path from the mail a Celery worker wrote with the file backend."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for message in sorted(Path(mail_dir).glob("*.log")):
            text = message.read_text(errors="replace")
            if f"To: {email}" not in text:
                continue
            for word in text.split():
                if "/accounts/confirm-email/" in word:
                    return "/accounts/confirm-email/" + word.split("/accounts/confirm-email/")[1]
        time.sleep(1)
    fail(f"no confirmation email in {mail_dir} after {seconds} s (is a Celery worker up?)")


def learn(journey):
    course = journey.page(FREE_COURSE)
    enrolled = journey.submit(course, has_action("/enroll/"))
    expect("0% complete", journey.page(FREE_COURSE, avoid=upstream(enrolled)), "enroll")
    lessons = lesson_links(course)
    lesson = journey.page(lessons[0])
    completed = journey.submit(lesson, has_action("/complete/"))
    again = journey.page(lessons[0], avoid=upstream(completed))
    expect("You completed this lesson", again, "open a lesson, mark it complete")
    progress = journey.page(FREE_COURSE, avoid=upstream(completed))
    expect(" · 1 of ", progress, "course progress counts the lesson")
    take_quiz(journey, lessons)


def lesson_links(course):
    soup = BeautifulSoup(course.text, "html.parser")
    links = []
    for anchor in soup.find_all("a", href=True):
        href = anchor["href"]
        deeper = href.startswith(FREE_COURSE) and href.count("/") > FREE_COURSE.count("/") + 1
        if deeper and href not in links:
            links.append(href)
    if not links:
        fail(f"no lesson links on {FREE_COURSE}")
    return links


def take_quiz(journey, lessons):
    for path in lessons:
        lesson = journey.page(path)
        if "/learn/quizzes/" in lesson.text:
            break
    else:
        fail(f"no lesson of {FREE_COURSE} offers a quiz")
    attempt = journey.submit(lesson, has_action("/learn/quizzes/", "/start/"))
    form = serving.find_form(attempt.text, attempt.url, has_action("/submit/"))
    answers = serving.form_fields(form)
    answers["shown"] = [tag["value"] for tag in form.find_all("input", attrs={"name": "shown"})]
    for question in answers["shown"]:
        choice = form.find("input", attrs={"name": f"answer-{question}"})
        if choice is not None:
            answers[f"answer-{question}"] = choice["value"]
        elif form.find("input", attrs={"name": f"text-{question}"}) is not None:
            answers[f"text-{question}"] = "1"
    result = journey.call("POST", form["action"], data=answers)
    if "/result/" not in result.url:
        fail(f"submitting the quiz led to {result.url}, not its result")
    path = result.url.split("://", 1)[1].split("/", 1)[1]
    expect('data-testid="quiz-score"', journey.page("/" + path, avoid=upstream(result)), "quiz")


def import_deck(journey):
    page = journey.page("/flashcards/import/")
    upload = {"file": ("smoke-deck.csv", DECK_CSV.encode(), "text/csv")}
    job = journey.submit(page, has_action("/flashcards/import/"), files=upload)
    started = journey.submit(job, has_action("/confirm/"))
    job_path = "/" + started.url.split("://", 1)[1].split("/", 1)[1].split("?")[0]
    status = wait_for_import(journey, job_path.rstrip("/") + "/status/")
    if status["status"] != "done":
        fail(f"the deck import ended {status}")
    finished = journey.page(job_path, avoid=upstream(started))
    deck_path = re.search(r'href="(/flashcards/decks/\d+/)"', finished.text)
    if deck_path is None:
        fail(f"{job_path}: no link to the imported deck")
    deck = journey.page(deck_path.group(1))
    for front in FRONTS:
        expect(front, deck, "import a deck (run by a Celery worker)")
    return deck_path.group(1).rstrip("/").rsplit("/", 1)[1]


def wait_for_import(journey, status_path, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status = json.loads(journey.call("GET", status_path).text)
        if status["finished"]:
            return status
        time.sleep(1)
    fail(f"the deck import did not finish in {seconds} s: {status}")


def review_cards(journey, deck_id):
    """Reveal and rate Easy each card of the deck until the study page says done."""
    study = f"/flashcards/study/?deck={deck_id}"
    rated = None
    for _ in range(len(FRONTS) + 2):
        front = journey.page(study)
        if 'data-side="done"' in front.text:
            break
        form = serving.find_form(front.text, front.url, lambda f: f.has_attr("data-study-reveal"))
        query = urlencode(serving.form_fields(form))
        answer = journey.page(f"/flashcards/study/?{query}")
        rated = journey.submit(answer, has_action("/flashcards/study/review/"), {"rating": "4"})
        expect("Rated Easy", rated, "review a card (rating shown by the next page)")
    else:
        fail("the study queue never emptied")
    if rated is None:
        fail(f"{study}: no card of the imported deck to study")
    done = journey.page(study, avoid=upstream(rated))
    expect('data-side="done"', done, "the deck's queue is empty after the reviews")


def live_message(journey, base_url):
    """A message sent through gunicorn reaches the learner's socket on daphne."""
    new = journey.page("/messages/new/")
    form = serving.find_form(new.text, new.url, has_action("/messages/new/"))
    people = [option["value"] for option in form.select("select[name=to] option[value]")]
    if not any(people):
        fail("/messages/new/ offers the enrolled learner nobody to message")
    fields = {
        "to": next(value for value in people if value),
        "topic": "Smoke test",
        "content": "Is the weather briefing course current?",
    }
    thread = journey.submit(new, has_action("/messages/new/"), fields)
    conversation = re.search(r"/messages/(\d+)/", thread.url)
    if conversation is None:
        fail(f"starting a conversation led to {thread.url}, not its thread")
    conversation = int(conversation.group(1))
    cookie = "; ".join(f"{c.name}={c.value}" for c in journey.http.cookies if c.name != "messages")
    origin = "https://" + base_url.split("://", 1)[1]
    socket_url = "ws://" + base_url.split("://", 1)[1] + "/ws/live/"
    with open_socket(
        socket_url, additional_headers={"Cookie": cookie, "Origin": origin}, open_timeout=30
    ) as socket:
        greeting = json.loads(socket.recv(timeout=30))
        if greeting.get("type") != "notifications.unread":
            fail(f"the socket greeted with {greeting}, not the unread count")
        socket.send(json.dumps({"action": "watch", "conversation": conversation}))
        watching = json.loads(socket.recv(timeout=30))
        if watching != {"type": "watching", "conversation": conversation}:
            fail(f"watching conversation {conversation} answered {watching}")
        sent = journey.submit(thread, has_action("/send/"), {"content": "Still there?"})
        event = json.loads(socket.recv(timeout=30))
        if event.get("type") != "chat.message" or event.get("conversation") != conversation:
            fail(f"after a message sent through {upstream(sent)} the socket got {event}")
    print(f"  ok  live message: sent through {upstream(sent)}, heard on daphne", flush=True)


def start_stack(tmp):
    env_extra = {
        "CELERY_BROKER_URL": serving.REDIS_URL.format(db=BROKER_DB),
        "WORKER_HEARTBEAT_STALE_SECONDS": "120",
    }
    database_url = serving.create_database(DATABASE)
    cache_url = serving.REDIS_URL.format(db=CACHE_DB)
    port = serving.free_port()
    env_extra["SITE_URL"] = f"http://127.0.0.1:{port}"
    env = serving.production_env(ROOT, database_url, cache_url, tmp, env_extra)
    (tmp / "emails").mkdir()
    print("migrating and loading the demo ...", flush=True)
    serving.manage(ROOT, env, "migrate", "--noinput")
    serving.manage(ROOT, env, "load_demo")
    serving.manage(ROOT, env, "collectstatic", "--noinput")
    for mail in (tmp / "emails").glob("*"):
        mail.unlink()  # the demo's own mails; the journey reads only its own
    processes = []
    celery = [str(ROOT / ".venv/bin/celery"), "--workdir", "site", "-A", "config"]
    for n in (1, 2):
        command = [*celery, "worker", "-n", f"smoke{n}@%h", "--concurrency", "1", "-l", "WARNING"]
        processes.append(serving.start(command, ROOT, env, tmp / f"worker{n}.log"))
    beat = [*celery, "beat", "-l", "WARNING", "-s", str(tmp / "beat-schedule")]
    processes.append(serving.start(beat, ROOT, env, tmp / "beat.log"))
    ports = [serving.free_port(), serving.free_port()]
    for n, gunicorn_port in enumerate(ports, start=1):
        log = tmp / f"gunicorn{n}.log"
        processes.append(serving.start_gunicorn(ROOT, env, gunicorn_port, log))
    live_port = serving.free_port()
    daphne = [str(ROOT / ".venv/bin/daphne"), "-b", "127.0.0.1", "-p", str(live_port)]
    processes.append(
        serving.start([*daphne, "config.asgi:application"], ROOT / "site", env, tmp / "daphne.log")
    )
    serving.wait_for_http(f"http://127.0.0.1:{live_port}/livez", processes[-1], tmp / "daphne.log")
    conf = tmp / "nginx.conf"
    user = "user root root;" if os.geteuid() == 0 else ""
    conf.write_text(
        NGINX_CONF.format(user=user, tmp=tmp, a=ports[0], b=ports[1], live=live_port, port=port)
    )
    nginx = serving.start(["nginx", "-p", str(tmp), "-c", str(conf)], tmp, env, tmp / "nginx.log")
    processes.append(nginx)
    base_url = f"http://127.0.0.1:{port}"
    serving.wait_for_http(f"{base_url}/livez", nginx, tmp / "nginx.log")
    return processes, base_url, {f"127.0.0.1:{p}" for p in ports}


def main():
    serving.require_tools("nginx", "createdb", "dropdb", "redis-cli")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    tmp = Path(tempfile.mkdtemp(prefix="prod-smoke-"))
    processes, keep = [], False
    started = time.time()
    try:
        processes, base_url, upstreams = start_stack(tmp)
        journey = Journey(base_url, tmp / "emails")
        print(f"journey through {base_url} (nginx over {', '.join(sorted(upstreams))})")
        sign_up(journey)
        learn(journey)
        review_cards(journey, import_deck(journey))
        live_message(journey, base_url)
        seen = {served[0] for served in journey.served}
        if seen != upstreams:
            fail(f"expected answers from both gunicorns {sorted(upstreams)}, saw {sorted(seen)}")
        print(
            f"prod-smoke passed: {len(journey.served)} requests over {sorted(seen)} "
            f"in {time.time() - started:.0f} s"
        )
    except serving.BenchError as error:
        keep = True
        sys.exit(f"prod-smoke FAILED: {error}\n(process logs kept in {tmp})")
    finally:
        for process in reversed(processes):
            serving.stop(process)
        serving.drop_database(DATABASE)
        serving.flush_redis(CACHE_DB)
        serving.flush_redis(BROKER_DB)
        if not keep:
            subprocess.run(["rm", "-rf", str(tmp)], check=False)  # noqa: S603, S607


if __name__ == "__main__":
    main()
