"""The public ACS pages: every area, task and current element; flat query counts; caching."""

from django.urls import reverse

import pytest

from learning.acs.factories import make_standard, make_tree

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
