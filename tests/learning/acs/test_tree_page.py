"""The public ACS pages: the standard's areas, folded, listing their tasks (whose own pages
hold the elements: tests/learning/learner/test_acs_task_page.py); search and "Jump to
task"; caching. Sizes and query pins on the full standard: test_standard_page_size.py."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from learning.acs.factories import make_standard, make_tree
from learning.acs.models import AcsElement, AcsTask
from tests.learning.acs.standard_fixtures import count_queries

pytestmark = pytest.mark.django_db


def page(client, standard):
    response = client.get(reverse("acs_standard", args=[standard.slug]))
    assert response.status_code == 200
    return response, response.content.decode()


def test_the_index_lists_each_standard_with_its_size(client, standard):
    make_tree(make_standard("CA", "FAA-S-ACS-7B", "Commercial Pilot for Airplane"), areas=1)
    html = client.get(reverse("acs_index")).content.decode()
    assert "Private Pilot for Airplane" in html
    assert "Commercial Pilot for Airplane" in html
    assert "2 areas of operation, 4 tasks" in html
    assert reverse("acs_standard", args=["ca"]) in html


def test_the_page_lists_areas_and_tasks_linking_to_the_task_pages(client, standard):
    AcsTask.objects.filter(code="PA.I.A").update(objective="To determine the applicant ...")
    _, html = page(client, standard)
    for code in ("PA.I.A", "PA.I.B", "PA.II.A", "PA.II.B"):
        assert f'<li class="acs-task-row" id="{code}"' in html  # old #PA.I.A links land here
        assert f'href="/acs/pa/{code.lower()}/"><code>{code}</code>' in html
    assert "Area II. Area II" in html
    assert "Task II.B" in html
    for elsewhere in ("PA.I.A.K1", "Knowledge element 1", "To determine the applicant"):
        assert elsewhere not in html  # on the task pages


def test_an_unknown_standard_is_not_found(client, standard):
    for response in (client.get(reverse("acs_standard", args=["zz"])), client.get("/acs/%00/")):
        assert response.status_code == 404
        assert "We could not find that page" in response.content.decode()


def test_guests_get_a_public_page_without_marks(client, standard):
    response, html = page(client, standard)
    assert "public" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
    assert "Your coverage" not in html
    assert "Log in</a> to see which elements" in html


def test_signed_in_learners_get_a_private_page(client, standard, learner):
    client.force_login(learner)
    response, html = page(client, standard)
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
    assert "Your coverage" in html


def test_areas_fold_closed_around_their_task_lists(client, standard):
    _, html = page(client, standard)
    assert html.count('<details class="acs-area"') == 2
    assert 'class="acs-area" id="area-I" open' not in html  # nothing unfolded until asked
    assert '<details class="acs-task"' not in html
    area_two = html.index('id="area-II"')
    assert html.index('id="PA.I.B"') < area_two < html.index('id="PA.II.A"')


def test_jump_to_task_lists_every_task_and_goes_to_its_page_without_javascript(client, standard):
    _, html = page(client, standard)
    for code in ("PA.I.A", "PA.I.B", "PA.II.A", "PA.II.B"):
        assert f'<option value="{code}">{code} ' in html
    url = reverse("acs_standard", args=[standard.slug])
    response = client.get(url, {"task": "pa.ii.b"})
    assert response.status_code == 302
    assert response["Location"] == "/acs/pa/pa.ii.b/"
    assert client.get(url, {"task": "PA.IX.Z"}).status_code == 200  # unknown: just the page


def search(client, standard, query):
    response = client.get(reverse("acs_standard", args=[standard.slug]), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_search_shows_only_matching_elements_opened_and_highlighted(client, standard):
    AcsElement.objects.filter(code="PA.II.B.R2").update(text="Night currency versus proficiency.")
    html = search(client, standard, "CURRENCY night")
    assert "1 element in 1 task matches “CURRENCY night”." in html
    assert "<mark>Night</mark> <mark>currency</mark> versus proficiency." in html
    assert '<details class="acs-area" id="area-II" open>' in html
    assert '<details class="acs-task" data-code="PA.II.B" open>' in html
    assert 'id="PA.I.A.K1"' not in html
    assert 'id="PA.II.B.R1"' not in html
    assert 'href="/acs/pa/pa.ii.b/#PA.II.B.R2"><code>PA.II.B.R2</code>' in html
    assert 'href="/acs/pa/pa.ii.b/">Open PA.II.B' in html
    assert 'href="/acs/pa/">Show the whole standard</a>' in html


def test_search_by_code_keeps_sub_elements_and_shows_a_parent_for_context(client, standard):
    html = search(client, standard, "pa.i.a.k3")
    assert "2 elements in 1 task match" in html
    assert 'id="PA.I.A.K3"' in html
    assert 'id="PA.I.A.K3a"' in html
    assert 'id="PA.I.A.K1"' not in html
    html = search(client, standard, "sub-element a")
    assert '<li id="PA.I.A.K3" class="acs-context">' in html  # the lead-in of the match
    assert "<mark>Sub-element</mark> <mark>a</mark> of K3." in html


def test_search_that_matches_nothing_says_so_and_escapes_the_query(client, standard):
    html = search(client, standard, "<b>zzz</b>")
    assert "Nothing matches “&lt;b&gt;zzz&lt;/b&gt;”" in html
    assert "<b>zzz</b>" not in html
    assert '<details class="acs-' not in html


def test_searching_costs_one_query_more_for_the_elements(client, settings, standard):
    settings.PAGE_CACHE_ENABLED = False
    url = reverse("acs_standard", args=[standard.slug])
    count_queries(client, standard.slug)
    plain = count_queries(client, standard.slug)
    with CaptureQueriesContext(connection) as queries:
        client.get(url, {"q": "element"})
    assert len(queries) == plain + 1


def test_the_index_and_the_standard_describe_themselves_to_search_engines(client, standard):
    index = client.get(reverse("acs_index")).content.decode()
    assert '<meta name="description" content="The FAA Airman Certification Standards' in index
    _, html = page(client, standard)
    assert '<meta name="description" content="FAA-S-ACS-' in html
