"""Inside one code tree's Django (run by bench/http.py with that tree's site/ on
PYTHONPATH and its production environment): find the pages to measure, or count the
queries of one warm request per page.

    http_probe.py paths                  -> JSON {"course": ..., "premium_lesson": ...}
    http_probe.py queries < pages.json   -> JSON {label: queries}

It runs in its own process because each tree is a different version of the code; it
reads the tree's models only through calls that exist in every version measured.
"""

import json
import re
import sys

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

FALLBACK_EXAMINER = "/examiners/demo-examiner-alex-rivera/"


def paths():
    """The demo's premium course (the one with most lessons) and its deepest lesson, as
    bench/run.py measures them, and the first examiner the directory lists."""
    from learning.courses.models import CoursePage, LessonPage

    course = CoursePage.objects.live().order_by("-lesson_count").first()
    lesson = LessonPage.objects.descendant_of(course).live().order_by("-path").first()
    directory = Client().get("/examiners/", **headers("127.0.0.1")).content.decode()
    slugs = [s for s in re.findall(r'href="/examiners/([\w-]+)/"', directory) if s != "reports"]
    examiner = f"/examiners/{slugs[0]}/" if slugs else FALLBACK_EXAMINER
    return {"course": course.url, "premium_lesson": lesson.url, "examiner": examiner}


def headers(host):
    return {
        "HTTP_HOST": host,
        "HTTP_X_FORWARDED_PROTO": "https",
        "HTTP_X_FORWARDED_FOR": "127.0.0.1",
    }


def queries(pages):
    """Queries of the second of two requests per page: the first warms what a running
    server keeps warm (this process's memory; Redis is shared with gunicorn)."""
    counts = {}
    for page in pages:
        client = Client()
        for name, value in page["cookies"].items():
            client.cookies[name] = value
        client.get(page["path"], **headers(page["host"]))
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page["path"], **headers(page["host"]))
        counts[page["label"]] = len(captured) if response.status_code == 200 else None
    return counts


if __name__ == "__main__":
    if sys.argv[1:] == ["paths"]:
        print(json.dumps(paths()))
    elif sys.argv[1:] == ["queries"]:
        print(json.dumps(queries(json.load(sys.stdin))))
    else:
        sys.exit(__doc__)
