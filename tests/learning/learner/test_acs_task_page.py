"""A task's own page (/acs/pa/pa.i.a/): objective, references, notes, elements with their
sub-elements and lessons; a learner's marks, readiness and cards; previous / next; 404s;
queries that do not grow with the task."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from learning.acs.links import task_url
from learning.acs.models import AcsElement, AcsTask, ElementKind
from learning.courses.factories import make_lesson
from tests.conftest import session_queries
from tests.learning.learner.test_coverage import course, progress, tag  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

# The site (furniture, lesson URLs), standard, the standard's tasks, the task's elements,
# its lessons and Wagtail's view restrictions (which `public()` reads first).
GUEST_QUERIES = 6
# A learner adds their user (with their study settings), one query per coverage source
# (lessons, answers, cards) and their cards' decks; the session read comes on top
# (session_queries).
LEARNER_EXTRA = 5


def get(client, code):
    response = client.get(task_url(code))
    assert response.status_code == 200
    return response, response.content.decode()


def queries(client, code):
    for _ in range(2):  # warm the site furniture's caches
        client.get(task_url(code))
    with CaptureQueriesContext(connection) as captured:
        assert client.get(task_url(code)).status_code == 200
    return len(captured)


def test_the_url_is_the_lower_case_code_and_other_cases_redirect(client, standard):
    assert task_url("PA.I.A") == "/acs/pa/pa.i.a/"
    assert task_url("pa.i.a.k3A") == "/acs/pa/pa.i.a/#PA.I.A.K3a"
    assert task_url("not a code") == ""
    response = client.get("/acs/pa/PA.I.A/")
    assert response.status_code == 301
    assert response["Location"] == "/acs/pa/pa.i.a/"


def test_the_page_shows_objective_references_notes_and_elements_by_kind(client, standard):
    AcsTask.objects.filter(code="PA.I.A").update(
        references="14 CFR part 61; FAA-H-8083-25",
        objective="To determine the applicant exhibits satisfactory knowledge.",
        notes="If K3 is selected, assess at least one sub-element.\nA second note.",
    )
    _, html = get(client, "PA.I.A")
    assert '<code class="acs-task-code">PA.I.A</code> Task I.A</h1>' in html
    assert "14 CFR part 61; FAA-H-8083-25" in html
    assert "exhibits satisfactory knowledge" in html
    assert "<li>If K3 is selected, assess at least one sub-element.</li>" in html
    assert "<li>A second note.</li>" in html
    for heading in ("Knowledge", "Risk management", "Skills"):
        assert f'<h2 class="acs-kind">{heading}</h2>' in html
    for code in ("PA.I.A.K1", "PA.I.A.K2", "PA.I.A.K3", "PA.I.A.R2", "PA.I.A.S1"):
        assert f'<li id="{code}">' in html
        assert f'href="/acs/pa/pa.i.a/#{code}"' in html
    assert "PA.I.B.K1" not in html  # only this task's elements


def test_sub_elements_nest_under_their_element_and_archived_ones_are_hidden(client, standard):
    _, html = get(client, "PA.I.A")
    k3, sub = html.index('id="PA.I.A.K3"'), html.index('id="PA.I.A.K3a"')
    assert k3 < sub < html.index('id="PA.I.A.R1"')
    assert "acs-elements--sub" in html[k3:sub]
    assert "PA.I.A.K9" not in html
    assert "Removed by the FAA" not in html


def test_previous_and_next_walk_the_standard_across_areas(client, standard):
    _, first = get(client, "PA.I.A")
    assert 'rel="prev"' not in first
    assert 'rel="next" href="/acs/pa/pa.i.b/"' in first
    _, across = get(client, "PA.I.B")
    assert 'rel="prev" href="/acs/pa/pa.i.a/"' in across
    assert 'rel="next" href="/acs/pa/pa.ii.a/"' in across
    _, last = get(client, "PA.II.B")
    assert 'rel="next"' not in last
    assert 'href="/acs/pa/#PA.II.B">Area II. Area II</a>' in last  # back to its row


def test_each_element_links_the_live_public_lessons_that_teach_it(client, standard, course):  # noqa: F811
    lesson = make_lesson(course.module, title="Certificates and documents")
    tag(lesson, "PA.I.A.K1", "PA.I.A.K3a")
    draft = make_lesson(course.module, title="Unpublished draft")
    tag(draft, "PA.I.A.K2")
    draft.unpublish()
    _, html = get(client, "PA.I.A")
    link = f'<a href="{lesson.url}">Certificates and documents</a>'
    assert html.count(link) == 2
    k1, k2 = html.index('id="PA.I.A.K1"'), html.index('id="PA.I.A.K2"')
    assert link in html[k1:k2]
    assert "Unpublished draft" not in html


def test_guests_see_no_marks_and_a_public_page(client, standard, progress):  # noqa: F811
    response, html = get(client, "PA.I.A")
    assert "public" in response["Cache-Control"]
    assert "Log in</a> to see which elements" in html
    assert 'title="Studied"' not in html
    assert "Your cards" not in html
    assert "<meter" not in html


def test_a_learner_sees_their_marks_readiness_and_cards(client, standard, progress):  # noqa: F811
    client.force_login(progress)
    response, html = get(client, "PA.I.A")
    assert "private" in response["Cache-Control"]
    assert "Your coverage" in html
    assert "1 studied, 1 tested, 0 retained of 7 elements" in html
    assert f'value="{round(100 * 1.5 / 7)}"' in html  # K1 studied (half), K2 tested
    k1, k2, k3 = (html.index(f'id="PA.I.A.{code}"') for code in ("K1", "K2", "K3"))
    assert 'title="Studied"' in html[k1:k2]
    assert 'title="Tested"' in html[k2:k3]
    _, other_task = get(client, "PA.I.B")
    assert other_task.count('title="Retained"') == 1
    assert "Your cards:</span>" in other_task
    assert other_task.count("/flashcards/decks/") == 2  # a deck each on K1 and K2


def test_another_learner_sees_none_of_their_marks_or_decks(
    client,
    standard,
    progress,  # noqa: F811
    other_learner,
):
    client.force_login(other_learner)
    for code in ("PA.I.A", "PA.I.B"):
        _, html = get(client, code)
        for title in ("Studied", "Tested", "Retained"):
            assert f'title="{title}"' not in html
        assert "Your cards" not in html
        assert 'value="0"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/acs/zz/pa.i.a/",  # no such standard
        "/acs/pa/pa.ix.a/",  # no such task
        "/acs/pa/ca.i.a/",  # another standard's code
        "/acs/pa/pa.i.a.k1/",  # an element, not a task
        "/acs/pa/p%00.i.a/",
    ],
)
def test_unknown_tasks_are_not_found(client, standard, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def add_elements(code, count):
    task = AcsTask.objects.get(code=code)
    AcsElement.objects.bulk_create(
        AcsElement(task=task, code=f"{code}.K{20 + n}", kind=ElementKind.KNOWLEDGE, text="More.")
        for n in range(count)
    )


def test_queries_are_pinned_and_flat_in_the_task_size(client, settings, standard, progress, course):  # noqa: F811
    settings.PAGE_CACHE_ENABLED = False  # what the view itself costs, as on a cache miss
    add_elements("PA.I.B", 40)
    lesson = make_lesson(course.module, title="Many tags")
    tag(lesson, *[f"PA.I.B.K{20 + n}" for n in range(40)])
    assert queries(client, "PA.I.A") == GUEST_QUERIES
    assert queries(client, "PA.I.B") == GUEST_QUERIES
    client.force_login(progress)
    signed_in = GUEST_QUERIES + LEARNER_EXTRA + session_queries()
    assert queries(client, "PA.I.A") == signed_in
    assert queries(client, "PA.I.B") == signed_in
