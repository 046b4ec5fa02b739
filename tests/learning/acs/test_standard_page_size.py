"""The shipped FAA-S-ACS-6C (12 areas, 61 tasks, 1,174 current elements): the standard page
is a table of contents under 60 KB for guests and learners alike, every task has its own
small page, and neither page's queries grow with the elements."""

from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from learning.acs.links import task_url
from learning.acs.models import AcsElement, AcsStandard, AcsTask
from tests.conftest import session_queries

pytestmark = pytest.mark.django_db

MAX_STANDARD_BYTES = 60_000
MAX_TASK_BYTES = 40_000  # the largest 6C task (PA.I.C, weather) is about 17 KB
# The standard, areas, tasks (the site comes from the cache); a learner adds their user
# (with their study settings), the current elements' ids and one query per coverage
# source (lessons, answers, cards).
GUEST_QUERIES = 3
LEARNER_EXTRA = 5


@pytest.fixture
def full_standard(db, settings):
    settings.PAGE_CACHE_ENABLED = False  # measure the view, not the guest page cache
    call_command("import_acs", stdout=StringIO())
    return AcsStandard.objects.get(code="PA")


def fetch(client, url):
    for _ in range(2):  # warm the site furniture's caches
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_full_standard_page_stays_under_60_kb_with_every_task(client, full_standard, learner):
    html, queries = fetch(client, "/acs/pa/")
    assert len(html.encode()) < MAX_STANDARD_BYTES
    assert queries == GUEST_QUERIES
    for code in AcsTask.objects.values_list("code", flat=True):
        assert f'<li class="acs-task-row" id="{code}"' in html
        assert f'href="{task_url(code)}"' in html
    assert "PA.I.C.K2a" not in html  # elements live on the task pages
    client.force_login(learner)
    html, queries = fetch(client, "/acs/pa/")
    assert len(html.encode()) < MAX_STANDARD_BYTES
    assert queries == GUEST_QUERIES + LEARNER_EXTRA + session_queries()
    assert html.count("0 studied, 0 tested, 0 retained of") == 61


def test_every_task_page_is_small_and_together_they_hold_every_element(client, full_standard):
    shown = 0
    for code in AcsTask.objects.order_by("code").values_list("code", flat=True):
        html, _ = fetch(client, task_url(code))
        assert len(html.encode()) < MAX_TASK_BYTES, code
        shown += html.count(f'<li id="{code}.')
    assert shown == AcsElement.objects.filter(archived=False).count()


def test_a_search_that_matches_nearly_everything_is_cut_short(client, full_standard):
    response = client.get("/acs/pa/", {"q": "e"})
    html = response.content.decode()
    assert "Showing the first 150: add a word to narrow it." in html
    assert len(response.content) < 3 * MAX_STANDARD_BYTES
