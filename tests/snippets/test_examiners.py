"""Examiners in the Wagtail admin: validated contact details and airport ids, the
certificates they examine for as checkboxes, and a listing that searches and filters."""

import re

import pytest

from snippets.factories import ExaminerFactory
from snippets.models import Certificate, Examiner

from .helpers import count_queries, field_errors, listed_titles, snippet_url

pytestmark = pytest.mark.django_db

ADD = snippet_url("examiner", "add")
LIST = snippet_url("examiner", "list")


def form_data(**overrides):
    data = {
        "name": "Jamie Kowalski",
        "slug": "",
        "organization": "FAA Designated Pilot Examiner",
        "region": "Pacific Northwest",
        "base_airport": "kbfi",
        "certificates": ["instrument", "private"],
        "years_experience": "22",
        "email": "jamie@example.test",
        "phone": "+1 (206) 555-0100",
        "website": "https://example.test/jamie",
        "bio": "Former airline captain.",
        "active": "on",
    }
    data.update(overrides)
    return data


def test_create_in_the_admin(admin_client):
    response = admin_client.post(ADD, form_data())
    assert response.status_code == 302
    examiner = Examiner.objects.get()
    assert examiner.slug == "jamie-kowalski"
    assert examiner.base_airport == "KBFI"
    assert examiner.certificates == ["private", "instrument"]
    assert examiner.get_certificates_display() == "Private pilot, Instrument rating"
    assert examiner.active


def test_the_edit_form_shows_the_chosen_certificates_checked(admin_client):
    examiner = ExaminerFactory(certificates=[Certificate.CFI, Certificate.MEI])
    html = admin_client.get(snippet_url("examiner", "edit", examiner.pk)).content.decode()
    checkboxes = re.findall(r'<input type="checkbox" name="certificates"[^>]*>', html)
    assert len(checkboxes) == len(Certificate.choices)
    checked = [re.search(r'value="(\w+)"', box)[1] for box in checkboxes if "checked" in box]
    assert checked == ["cfi", "mei"]

    response = admin_client.post(
        snippet_url("examiner", "edit", examiner.pk),
        form_data(name=examiner.name, slug=examiner.slug, certificates=["atp"]),
    )
    assert response.status_code == 302
    examiner.refresh_from_db()
    assert examiner.certificates == ["atp"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"base_airport": "KB-1"}, "base_airport", "3- or 4-character airport"),
        ({"base_airport": "K1"}, "base_airport", "3- or 4-character airport"),
        ({"base_airport": "KBFIX"}, "base_airport", "at most 4 characters"),
        ({"base_airport": "<b>"}, "base_airport", "3- or 4-character airport"),
        ({"certificates": ["glider"]}, "certificates", "not one of the available choices"),
        ({"years_experience": "71"}, "years_experience", "less than or equal to 70"),
        ({"years_experience": "-1"}, "years_experience", "greater than or equal to 0"),
        ({"email": "not-an-email"}, "email", "valid email"),
        ({"phone": "call me maybe"}, "phone", "phone number"),
        ({"website": "javascript:alert(1)"}, "website", "valid URL"),
        ({"website": "ftp://example.test"}, "website", "valid URL"),
        ({"bio": "x" * 1501}, "bio", "at most 1500 characters"),
        ({"region": ""}, "region", "required"),
        ({"name": "✈️"}, "slug", "no letters or digits"),
    ],
)
def test_invalid_input_gets_a_field_error_and_saves_nothing(
    admin_client, overrides, field, message
):
    response = admin_client.post(ADD, form_data(**overrides))
    assert response.status_code == 200
    errors = field_errors(response)
    assert any(message in error for error in errors[field]), errors
    assert not Examiner.objects.exists()


def test_two_examiners_with_one_name_need_different_slugs(admin_client):
    ExaminerFactory(name="Jamie Kowalski")
    response = admin_client.post(ADD, form_data())
    assert "already used" in field_errors(response)["slug"][0]
    assert admin_client.post(ADD, form_data(slug="jamie-kowalski-kpae")).status_code == 302
    assert Examiner.objects.filter(name="Jamie Kowalski").count() == 2


def test_contact_details_are_optional(admin_client):
    data = form_data(email="", phone="", website="", base_airport="", years_experience="")
    data.pop("certificates")
    assert admin_client.post(ADD, data).status_code == 302
    examiner = Examiner.objects.get()
    assert (examiner.certificates, examiner.years_experience) == ([], None)


@pytest.fixture
def directory(db):
    ExaminerFactory(
        name="Ana Reyes",
        region="Pacific Northwest",
        base_airport="KPAE",
        certificates=["private", "cfi"],
    )
    ExaminerFactory(
        name="Ben Cho", region="Southwest", base_airport="KDVT", certificates=["cfii", "mei"]
    )
    ExaminerFactory(
        name="Cy Dunn",
        region="Pacific Northwest",
        base_airport="KBFI",
        certificates=["private"],
        active=False,
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "KDVT"}, ["Ben Cho"]),
        ({"q": "kpa"}, ["Ana Reyes"]),
        ({"q": "southwest"}, ["Ben Cho"]),
        ({"q": "Reyes"}, ["Ana Reyes"]),
        ({"region": "Pacific Northwest"}, ["Ana Reyes", "Cy Dunn"]),
        ({"active": "false"}, ["Cy Dunn"]),
        ({"certificate": "cfi"}, ["Ana Reyes"]),
        ({"certificate": "cfii"}, ["Ben Cho"]),
        ({"certificate": "private", "active": "true"}, ["Ana Reyes"]),
        ({"certificate": "private", "q": "KBFI"}, ["Cy Dunn"]),
        ({"certificate": "atp"}, []),
        ({"region": "Atlantis"}, ["Ana Reyes", "Ben Cho", "Cy Dunn"]),
    ],
)
def test_listing_search_and_filters(admin_client, directory, params, expected):
    response = admin_client.get(LIST, params)
    assert response.status_code == 200
    assert sorted(title.split(" (")[0] for title in listed_titles(response)) == expected


def test_listing_queries_do_not_grow_with_rows(admin_client):
    ExaminerFactory.create_batch(3)
    few, _ = count_queries(admin_client, LIST, {"certificate": "private"})
    ExaminerFactory.create_batch(27)
    many, response = count_queries(admin_client, LIST, {"certificate": "private"})
    assert len(response.context["object_list"]) == 20
    assert many == few
