"""The public ACS pages: every area, task and current element, folded; search and "Jump to
task"; flat query counts; caching."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from learning.acs.factories import make_standard, make_tree
from learning.acs.models import AcsElement
from tests.learning.acs.standard_fixtures import count_queries

pytestmark = pytest.mark.django_db

# Site furniture (2), standard, areas, tasks, elements; a learner adds session, user,
# study settings and one query per coverage source (lessons, answers, cards).
GUEST_QUERIES = 6
LEARNER_EXTRA = 5  # coverage marks, besides the session read (session_queries)


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


def test_the_page_shows_areas_tasks_and_elements_by_kind_with_anchors(client, standard):
    task = standard.areas.get(numeral="I").tasks.get(letter="A")
    task.references = "14 CFR part 61; FAA-H-8083-25"
    task.objective = "To determine the applicant exhibits satisfactory knowledge."
    task.save()
    _, html = page(client, standard)
    for code in ("PA.I.A", "PA.I.B", "PA.II.A", "PA.II.B"):
        assert f'id="{code}"' in html
        assert f'href="#{code}"' in html
    for code in ("PA.I.A.K1", "PA.I.A.R2", "PA.II.B.S1", "PA.I.A.K3a"):
        assert f'id="{code}"' in html
    assert "Area II. Area II" in html
    assert html.count(">Knowledge</h4>") == 4
    assert html.count(">Risk management</h4>") == 4
    assert html.count(">Skills</h4>") == 4
    assert "14 CFR part 61; FAA-H-8083-25" in html
    assert "exhibits satisfactory knowledge" in html


def test_sub_elements_nest_under_their_element(client, standard):
    _, html = page(client, standard)
    k3 = html.index('id="PA.I.A.K3"')
    sub = html.index('id="PA.I.A.K3a"')
    assert k3 < sub < html.index('id="PA.I.A.R1"')
    assert "acs-elements--sub" in html[k3:sub]


def test_archived_elements_are_hidden(client, standard):
    _, html = page(client, standard)
    assert "PA.I.A.K9" not in html
    assert "Removed by the FAA" not in html


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


def test_areas_and_tasks_fold_closed_with_a_permalink_to_each_task(client, standard):
    _, html = page(client, standard)
    assert html.count('<details class="acs-area"') == 2
    assert html.count('<details class="acs-task"') == 4
    assert 'class="acs-area" id="area-I" open' not in html  # nothing unfolded until asked
    assert 'data-code="PA.I.A" open' not in html
    assert '<summary><h3 id="PA.I.A-heading"><code>PA.I.A</code>' in html
    assert 'href="#PA.II.B">Link to PA.II.B</a>' in html


def test_jump_to_task_lists_every_task_and_goes_to_its_anchor_without_javascript(client, standard):
    _, html = page(client, standard)
    for code in ("PA.I.A", "PA.I.B", "PA.II.A", "PA.II.B"):
        assert f'<option value="{code}">{code} ' in html
    url = reverse("acs_standard", args=[standard.slug])
    response = client.get(url, {"task": "pa.ii.b"})
    assert response.status_code == 302
    assert response["Location"] == f"{url}#PA.II.B"
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


def test_searching_costs_no_extra_queries(client, standard):
    url = reverse("acs_standard", args=[standard.slug])
    count_queries(client, standard.slug)
    plain = count_queries(client, standard.slug)
    with CaptureQueriesContext(connection) as queries:
        client.get(url, {"q": "element"})
    assert len(queries) == plain


def test_the_index_and_the_standard_describe_themselves_to_search_engines(client, standard):
    index = client.get(reverse("acs_index")).content.decode()
    assert '<meta name="description" content="The FAA Airman Certification Standards' in index
    _, html = page(client, standard)
    assert '<meta name="description" content="FAA-S-ACS-' in html
