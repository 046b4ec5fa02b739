"""The public ACS pages: every area, task and current element; flat query counts; caching."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from learning.acs.factories import make_standard, make_tree
from learning.acs.models import AcsElement, ElementKind
from tests.conftest import session_queries

pytestmark = pytest.mark.django_db

# Site furniture (2), standard, areas, tasks, elements; a learner adds session, user,
# study settings and one query per coverage source (lessons, answers, cards).
GUEST_QUERIES = 6
LEARNER_EXTRA = 5  # coverage marks, besides the session read (session_queries)


@pytest.fixture
def standard(db):
    """PA with areas I-II, tasks A-B, K1-K3 / R1-R2 / S1, a sub-element and an archived one."""
    standard = make_tree(make_standard(), areas=2, tasks=2)
    k3 = AcsElement.objects.get(code="PA.I.A.K3")
    AcsElement.objects.create(
        task=k3.task,
        parent=k3,
        code="PA.I.A.K3a",
        kind=ElementKind.KNOWLEDGE,
        text="Sub-element a of K3.",
        order=4,
    )
    AcsElement.objects.create(
        task=k3.task,
        code="PA.I.A.K9",
        kind=ElementKind.KNOWLEDGE,
        text="Removed by the FAA long ago.",
        order=99,
        archived=True,
    )
    return standard


@pytest.fixture
def learner(db):
    return UserFactory(first_name="Lee", last_name="Learner")


@pytest.fixture
def other_learner(db):
    return UserFactory(first_name="Olly", last_name="Other")


def element(code):
    return AcsElement.objects.get(code=code)


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
    assert client.get(reverse("acs_standard", args=["zz"])).status_code == 404
    assert client.get("/acs/%00/").status_code == 404


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


def count_queries(client, slug):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("acs_standard", args=[slug]))
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def big_standard(db):
    """About a thousand elements: 12 areas x 6 tasks x 14 elements = 1,008."""
    return make_tree(
        make_standard("CA", "FAA-S-ACS-7B", "Commercial"),
        areas=12,
        tasks=6,
        knowledge=8,
        risks=4,
        skills=2,
    )


@pytest.mark.parametrize("signed_in", [False, True])
def test_query_count_is_the_same_for_ten_or_a_thousand_elements(
    client, standard, big_standard, learner, signed_in
):
    if signed_in:
        client.force_login(learner)
    assert big_standard.areas.count() == 12
    count_queries(client, standard.slug)  # warm the site-wide caches (settings, menus)
    small = count_queries(client, standard.slug)
    big = count_queries(client, big_standard.slug)
    assert small == big
    learner_queries = GUEST_QUERIES + LEARNER_EXTRA + session_queries()
    assert big == (learner_queries if signed_in else GUEST_QUERIES)
