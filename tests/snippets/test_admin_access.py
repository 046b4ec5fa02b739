"""Only editors with snippet permissions reach the snippet screens; the snippets sit
together under one "Site content" menu."""

from django.contrib.auth.models import Group, Permission

import pytest

from accounts.factories import UserFactory
from snippets import models

from .helpers import snippet_url

pytestmark = pytest.mark.django_db

MODELS = ["testimonial", "category", "examiner"]
VALID_DATA = {
    "testimonial": {"name": "Sneaky", "quote": "Hi", "rating": "5", "action-publish": "1"},
    "category": {"name": "Sneaky", "sort_order": "0", "active": "on"},
    "examiner": {"name": "Sneaky", "region": "Nowhere"},
}


def snippet_rows():
    return sum(m.objects.count() for m in (models.Testimonial, models.Category, models.Examiner))


@pytest.mark.parametrize("model", MODELS)
def test_learners_and_visitors_cannot_list_or_create_snippets(client, model):
    for user in (None, UserFactory()):
        if user:
            client.force_login(user)
        assert client.get(snippet_url(model, "list")).status_code == 302
        response = client.post(snippet_url(model, "add"), VALID_DATA[model])
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    assert snippet_rows() == 0


@pytest.mark.parametrize("model", MODELS)
def test_staff_without_snippet_permissions_cannot_create(client, model):
    editors = Group.objects.create(name="Page editors only")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(is_staff=True)
    user.groups.add(editors)
    client.force_login(user)
    client.post(snippet_url(model, "add"), VALID_DATA[model])
    assert snippet_rows() == 0


def test_a_marketer_with_testimonial_permissions_can_publish(client):
    marketers, _ = Group.objects.get_or_create(name="Marketers")  # the role exists after migrate
    marketers.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="snippets",
            codename__in=["add_testimonial", "change_testimonial", "publish_testimonial"],
        ),
    )
    user = UserFactory(is_staff=True)
    user.groups.add(marketers)
    client.force_login(user)
    response = client.post(snippet_url("testimonial", "add"), VALID_DATA["testimonial"])
    assert response.status_code == 302
    assert models.Testimonial.objects.live().get().name == "Sneaky"


def test_the_admin_menu_groups_the_snippets_under_site_content(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "Site content" in html
    for model in MODELS:
        assert snippet_url(model, "list") in html
