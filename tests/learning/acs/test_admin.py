"""The ACS in the Wagtail admin: every listing and inspect view renders for an admin,
filters and search find elements, and the only edits possible are two flags (the ground
flag's roles: test_planning_flags.py)."""

from io import StringIO

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from demo.loaders import acs as demo
from learning.acs.factories import make_standard, make_tree
from learning.acs.models import AcsArea, AcsElement, AcsStandard, AcsTask

from .test_import_pdf import REMOVED

pytestmark = pytest.mark.django_db

MODELS = ["acsstandard", "acsarea", "acstask", "acselement"]


def url(model, action="index", *args):
    return reverse(f"acs_{model}_modeladmin_{action}", args=args)


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def demo_acs(db):
    demo.load(StringIO())


def listed_codes(response):
    return [element.code for element in response.context["object_list"]]


def test_every_listing_and_inspect_view_renders(admin_client, demo_acs):
    rows = {
        "acsstandard": AcsStandard.objects.get(),
        "acsarea": AcsArea.objects.get(numeral="IX"),
        "acstask": AcsTask.objects.get(code="PA.I.C"),
        "acselement": AcsElement.objects.get(code="PA.I.C.K2g"),
    }
    for model in MODELS:
        response = admin_client.get(url(model))
        assert response.status_code == 200, model
        inspect = admin_client.get(url(model, "inspect", rows[model].pk))
        assert inspect.status_code == 200, model
    page = admin_client.get(url("acselement", "inspect", rows["acselement"].pk)).content.decode()
    assert "Significant Meteorological Information (SIGMET)" in page
    assert "Weather Information" in admin_client.get(url("acstask")).content.decode()


def test_the_admin_menu_has_an_acs_group(admin_client, demo_acs):
    page = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert '"ACS"' in page or ">ACS<" in page
    assert url("acselement") in page


def test_element_filters_and_search(admin_client, demo_acs):
    night = AcsArea.objects.get(numeral="XI")
    risks = admin_client.get(url("acselement"), {"kind": "R", "area": night.pk})
    assert listed_codes(risks) == [f"PA.XI.A.R{number}" for number in range(1, 8)]
    archived = admin_client.get(url("acselement"), {"archived__exact": "1"})
    assert sorted(listed_codes(archived)) == sorted(REMOVED)
    emergencies = AcsArea.objects.get(numeral="IX")
    archived = admin_client.get(url("acselement"), {"archived__exact": "1", "area": emergencies.pk})
    assert listed_codes(archived) == [f"PA.IX.C.K1{letter}" for letter in "abcd"]
    found = admin_client.get(url("acselement"), {"q": "Convective SIGMET"})
    assert listed_codes(found) == ["PA.I.C.K2g"]
    assert listed_codes(admin_client.get(url("acselement"), {"area": "9" * 40})) != []
    by_code = admin_client.get(url("acselement"), {"q": "PA.XI.A.K8"})
    assert listed_codes(by_code) == ["PA.XI.A.K8"]


def test_only_the_two_flags_can_be_edited(admin_client, demo_acs):
    element = AcsElement.objects.get(code="PA.I.E.K2")
    form = admin_client.get(url("acselement", "edit", element.pk))
    assert form.status_code == 200
    assert list(form.context["form"].fields) == ["ground_evaluable", "archived"]

    response = admin_client.post(
        url("acselement", "edit", element.pk), {"archived": "on", "text": "Rewritten", "code": "X"}
    )
    assert response.status_code == 302
    element.refresh_from_db()
    assert (element.archived, element.text, element.code) == (True, "Chart symbols.", "PA.I.E.K2")


def test_nothing_can_be_added_deleted_or_edited_besides_elements(admin_client, demo_acs):
    element = AcsElement.objects.get(code="PA.I.E.K2")
    task = AcsTask.objects.get(code="PA.I.E")
    for ask, path in (
        (admin_client.get, url("acselement", "create")),
        (admin_client.post, url("acselement", "delete", element.pk)),
        (admin_client.post, url("acstask", "edit", task.pk)),
    ):
        refused = ask(path, {"title": "X"})
        assert (refused.status_code, refused["Location"]) == (302, "/admin/")
        home = admin_client.get(refused["Location"]).content.decode()
        assert "Sorry, you do not have permission to access this area." in home
    assert AcsElement.objects.filter(pk=element.pk).exists()
    task.refresh_from_db()
    assert task.title == "National Airspace System"


def test_a_learner_cannot_open_the_acs_admin(client, demo_acs):
    client.force_login(UserFactory())
    response = client.get(url("acselement"))
    assert response.status_code == 302  # no admin access: sent to log in as someone else
    assert response["Location"] == f"/accounts/login/?next={url('acselement')}"


def listing_queries(client, model):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url(model)).status_code == 200
    return len(queries)


@pytest.mark.parametrize("model", MODELS)
def test_listing_queries_do_not_grow_with_the_standard(admin_client, model):
    make_tree(make_standard(), areas=1, tasks=1)
    listing_queries(admin_client, model)  # the first admin request warms session and site
    few = listing_queries(admin_client, model)
    assert few <= 20
    make_tree(AcsStandard.objects.create(code="CA", title="C", document_id="D", slug="ca"), 6, 6)
    assert listing_queries(admin_client, model) == few
