"""Categories in the Wagtail admin: slugs made from names, a hierarchy without loops,
and a listing that searches, filters and stays cheap."""

import pytest

from snippets.factories import CategoryFactory
from snippets.models import Category

from .helpers import count_queries, field_errors, listed_titles, snippet_url

pytestmark = pytest.mark.django_db

ADD = snippet_url("category", "add")
LIST = snippet_url("category", "list")


def form_data(**overrides):
    data = {
        "name": "Weather",
        "slug": "",
        "description": "METARs, TAFs and go/no-go decisions.",
        "icon": "cloud",
        "parent": "",
        "sort_order": "0",
        "active": "on",
    }
    data.update(overrides)
    return data


def edit(client, category, **overrides):
    data = form_data(
        name=category.name,
        slug=category.slug,
        parent=category.parent_id or "",
        sort_order=category.sort_order,
    )
    data.update(overrides)
    return client.post(snippet_url("category", "edit", category.pk), data)


def test_create_in_the_admin_makes_the_slug_from_the_name(admin_client):
    parent = CategoryFactory(name="Meteorology")
    response = admin_client.post(
        ADD, form_data(name="Thunderstorms & Icing", parent=parent.pk, featured="on")
    )
    assert response.status_code == 302
    category = Category.objects.get(name="Thunderstorms & Icing")
    assert category.slug == "thunderstorms-icing"
    assert category.parent == parent
    assert category.icon == "cloud"
    assert category.featured
    assert category.active


def test_an_editor_may_choose_the_slug(admin_client):
    admin_client.post(ADD, form_data(slug="wx"))
    assert Category.objects.get().slug == "wx"


@pytest.mark.parametrize("name", ["✈️", "!!!", "---", "🌩️ ⛅"])
def test_a_name_without_letters_or_digits_needs_a_slug(admin_client, name):
    response = admin_client.post(ADD, form_data(name=name))
    assert response.status_code == 200
    assert "no letters or digits" in field_errors(response)["slug"][0]
    assert not Category.objects.exists()

    assert admin_client.post(ADD, form_data(name=name, slug="flight")).status_code == 302
    assert Category.objects.get().name == name


def test_a_name_that_slugifies_like_another_gets_a_slug_error(admin_client):
    CategoryFactory(name="Weather")
    response = admin_client.post(ADD, form_data(name="Weather!"))
    assert response.status_code == 200
    assert "already used" in field_errors(response)["slug"][0]
    assert Category.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "required"),
        ({"name": "x" * 81}, "name", "at most 80 characters"),
        ({"slug": "not a slug"}, "slug", "valid"),
        ({"sort_order": "first"}, "sort_order", "whole number"),
        ({"parent": "999999"}, "parent", "valid choice"),
        ({"description": "x" * 501}, "description", "at most 500 characters"),
    ],
)
def test_invalid_input_gets_a_field_error_and_saves_nothing(
    admin_client, overrides, field, message
):
    response = admin_client.post(ADD, form_data(**overrides))
    assert response.status_code == 200
    assert any(message in error for error in field_errors(response)[field])
    assert not Category.objects.exists()


def test_a_category_cannot_be_its_own_parent(admin_client):
    weather = CategoryFactory(name="Weather")
    response = edit(admin_client, weather, parent=weather.pk)
    assert response.status_code == 200
    assert "its own parent" in field_errors(response)["parent"][0]
    weather.refresh_from_db()
    assert weather.parent is None


def test_a_descendant_cannot_become_the_parent(admin_client):
    weather = CategoryFactory(name="Weather")
    storms = CategoryFactory(name="Storms", parent=weather)
    hail = CategoryFactory(name="Hail", parent=storms)
    for descendant in (storms, hail):
        response = edit(admin_client, weather, parent=descendant.pk, name="Weather (edited)")
        assert response.status_code == 200
        assert "cannot also be its parent" in field_errors(response)["parent"][0]
    weather.refresh_from_db()
    assert (weather.name, weather.parent) == ("Weather", None)

    # Moving a branch somewhere else in the tree is fine.
    regulations = CategoryFactory(name="Regulations")
    assert edit(admin_client, storms, parent=regulations.pk).status_code == 302
    assert Category.objects.get(pk=storms.pk).parent == regulations


def test_descendants_and_self_covers_every_level_in_one_query(django_assert_num_queries):
    weather = CategoryFactory(name="Weather")
    storms = CategoryFactory(name="Storms", parent=weather)
    hail = CategoryFactory(name="Hail", parent=storms)
    fog = CategoryFactory(name="Fog", parent=weather)
    CategoryFactory(name="Airspace")
    with django_assert_num_queries(1):
        ids = weather.descendants_and_self()
    assert ids[0] == weather.pk
    assert sorted(ids) == sorted([weather.pk, storms.pk, hail.pk, fog.pk])
    assert storms.descendants_and_self() == [storms.pk, hail.pk]
    assert Category(name="Unsaved").descendants_and_self() == []


def test_descendants_and_self_ends_even_if_the_database_holds_a_loop():
    weather = CategoryFactory(name="Weather")
    storms = CategoryFactory(name="Storms", parent=weather)
    Category.objects.filter(pk=weather.pk).update(parent=storms)  # bypasses clean()
    assert sorted(weather.descendants_and_self()) == sorted([weather.pk, storms.pk])


def test_categories_sort_by_sort_order_then_name():
    CategoryFactory(name="Weather", sort_order=2)
    CategoryFactory(name="Airspace", sort_order=2)
    CategoryFactory(name="Regulations", sort_order=1)
    assert [c.name for c in Category.objects.all()] == ["Regulations", "Airspace", "Weather"]


def test_deleting_a_parent_keeps_its_children_at_the_top_level():
    weather = CategoryFactory(name="Weather")
    storms = CategoryFactory(name="Storms", parent=weather)
    weather.delete()
    storms.refresh_from_db()
    assert storms.parent is None


def test_listing_search_and_filters(admin_client):
    weather = CategoryFactory(name="Weather", featured=True)
    CategoryFactory(name="Thunderstorms", parent=weather)
    CategoryFactory(name="Airspace", active=False)
    for params, expected in [
        ({"q": "thunder"}, ["Thunderstorms"]),
        ({"featured": "true"}, ["Weather"]),
        ({"active": "false"}, ["Airspace"]),
        ({"parent": weather.pk}, ["Thunderstorms"]),
        ({"parent": "null"}, ["Airspace", "Weather"]),
        ({"q": "weather", "featured": "true"}, ["Weather"]),
    ]:
        response = admin_client.get(LIST, params)
        assert response.status_code == 200
        assert sorted(listed_titles(response)) == expected, params


def test_listing_shows_the_parent_without_a_query_per_row(admin_client):
    def add_branch(count):
        parent = CategoryFactory()
        for _ in range(count):
            CategoryFactory(parent=parent)

    add_branch(3)
    few, _ = count_queries(admin_client, LIST)
    add_branch(27)
    many, response = count_queries(admin_client, LIST)
    assert len(response.context["object_list"]) == 20
    assert many == few
