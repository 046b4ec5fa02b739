"""Admin lists count their rows once, and a huge table is not counted at all."""

from django.core.paginator import EmptyPage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from core import admin_paging
from core.admin_paging import KnownCountPaginator, ListCount
from learning.flashcards.models import FlashcardCategory
from tests.conftest import session_queries

pytestmark = pytest.mark.django_db

CATEGORIES = reverse("flashcards_flashcardcategory_modeladmin_index")


def add_categories(count):
    FlashcardCategory.objects.bulk_create(
        FlashcardCategory(name=f"Topic {n:03}") for n in range(count)
    )


@pytest.fixture
def admin(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def list_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries]


def counts(sql):
    return [statement for statement in sql if "COUNT(" in statement.upper()]


def test_a_list_is_counted_once_whatever_its_length(admin):
    add_categories(3)
    list_queries(admin, CATEGORIES)  # warms the admin's per-process caches
    _, few = list_queries(admin, CATEGORIES)
    FlashcardCategory.objects.bulk_create(
        FlashcardCategory(name=f"More {n:03}") for n in range(140)
    )
    text, many = list_queries(admin, CATEGORIES)
    assert len(many) == len(few) == 8 + session_queries()
    assert len(counts(many)) == 1
    total = FlashcardCategory.objects.count()
    assert f"{total} flashcard categories" in text
    assert "Page 1 of 2" in text


def test_the_second_page_shows_the_rest(admin):
    add_categories(130)
    text, _ = list_queries(admin, CATEGORIES + "?p=2")
    assert "Page 2 of 2" in text
    last = FlashcardCategory.objects.order_by("-name").first()
    assert last.name in text


def test_a_search_counts_the_matches_and_the_total(admin):
    add_categories(12)
    total = FlashcardCategory.objects.count()
    text, sql = list_queries(admin, CATEGORIES + "?q=Topic+00")
    assert len(counts(sql)) == 2
    assert f"10 out of {total}" in text


def test_an_empty_search_is_not_a_filter(admin):
    add_categories(4)
    _, sql = list_queries(admin, CATEGORIES + "?q=")
    assert len(counts(sql)) == 1


@pytest.mark.parametrize("page", ["0", "-3", "abc", "99999999999999999999", "2"])
def test_bad_page_numbers_fall_back_to_the_first_page(admin, page):
    add_categories(3)
    text, _ = list_queries(admin, f"{CATEGORIES}?p={page}")
    assert "Page 1 of 1" in text


def test_an_estimate_short_of_the_rows_still_reaches_every_row():
    add_categories(25)
    rows = FlashcardCategory.objects.filter(name__startswith="Topic").order_by("name")
    paginator = KnownCountPaginator(rows, 10, list_count=ListCount(15, estimated=True))
    assert paginator.items_count_label == "about 15 flashcard categories"
    second = paginator.page(2)
    assert second.has_next()
    third = paginator.page(3)
    assert [c.name for c in third.object_list] == [f"Topic {n:03}" for n in range(20, 25)]
    assert not third.has_next()
    with pytest.raises(EmptyPage):
        paginator.page(4)


def test_an_exact_count_is_not_called_about():
    add_categories(2)
    rows = FlashcardCategory.objects.filter(name__startswith="Topic")
    paginator = KnownCountPaginator(rows, 10, list_count=ListCount(2))
    assert paginator.items_count_label == "2 flashcard categories"
    assert str(ListCount(1234567, estimated=True)) == "about 1,234,567"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the estimate is PostgreSQL's")
def test_a_big_whole_table_shows_the_planners_estimate(admin, monkeypatch):
    add_categories(120)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE flashcards_flashcardcategory")
    list_queries(admin, CATEGORIES)
    exact, counted = list_queries(admin, CATEGORIES)
    assert f"{FlashcardCategory.objects.count()} flashcard categories" in exact
    monkeypatch.setattr(admin_paging, "ESTIMATE_ABOVE", 50)
    text, estimated = list_queries(admin, CATEGORIES)
    assert len(estimated) == len(counted)
    assert "about " in text
    last_page, _ = list_queries(admin, CATEGORIES + "?p=2")
    last = FlashcardCategory.objects.order_by("-name").first()
    assert last.name in last_page
    searched, sql = list_queries(admin, CATEGORIES + "?q=Topic+00")
    assert len(counts(sql)) == 2
    assert "11 out of about" in searched
