"""Testimonials in the Wagtail admin: drafts stay off the site until published, bad
input gets field errors, and the listing searches, filters and stays cheap."""

from django.db import IntegrityError, transaction

import pytest

# Not imported by name: pytest would try to collect classes called Test*.
from snippets import factories, models

from .helpers import count_queries, field_errors, listed_titles, snippet_url

pytestmark = pytest.mark.django_db

ADD = snippet_url("testimonial", "add")
LIST = snippet_url("testimonial", "list")


def form_data(**overrides):
    data = {
        "name": "Riley Example",
        "role": "Private pilot, 2026",
        "quote": "The mock oral asked me what my examiner asked.",
        "rating": "5",
        "avatar": "",
    }
    data.update(overrides)
    return data


def test_publishing_from_the_admin_makes_the_testimonial_live(admin_client):
    response = admin_client.post(ADD, {**form_data(featured="on"), "action-publish": "publish"})
    assert response.status_code == 302
    testimonial = models.Testimonial.objects.get()
    assert testimonial.live
    assert testimonial.featured
    assert testimonial.live_revision == testimonial.latest_revision
    assert list(models.Testimonial.objects.live()) == [testimonial]


def test_a_draft_is_not_live_until_published(admin_client):
    response = admin_client.post(ADD, form_data())
    assert response.status_code == 302
    draft = models.Testimonial.objects.get()
    assert not draft.live
    assert not models.Testimonial.objects.live().exists()

    edit = snippet_url("testimonial", "edit", draft.pk)
    admin_client.post(edit, {**form_data(), "action-publish": "publish"})
    assert list(models.Testimonial.objects.live()) == [draft]


def test_editing_a_published_testimonial_as_a_draft_keeps_the_live_quote(admin_client):
    admin_client.post(ADD, {**form_data(), "action-publish": "publish"})
    testimonial = models.Testimonial.objects.get()
    edit = snippet_url("testimonial", "edit", testimonial.pk)

    admin_client.post(edit, form_data(quote="A rewrite that is not approved yet."))
    testimonial.refresh_from_db()
    assert testimonial.live
    assert testimonial.has_unpublished_changes
    assert testimonial.quote == "The mock oral asked me what my examiner asked."
    assert testimonial.revisions.count() == 2

    admin_client.post(edit, {**form_data(quote="Now approved."), "action-publish": "publish"})
    testimonial.refresh_from_db()
    assert testimonial.quote == "Now approved."
    assert not testimonial.has_unpublished_changes


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"rating": "6"}, "rating", "less than or equal to 5"),
        ({"rating": "0"}, "rating", "greater than or equal to 1"),
        ({"rating": "five"}, "rating", "Enter a whole number"),
        ({"rating": "9" * 40}, "rating", "less than or equal to 5"),
        ({"quote": "x" * 601}, "quote", "at most 600 characters"),
        ({"name": ""}, "name", "required"),
        ({"avatar": "999999"}, "avatar", "Select a valid choice"),
    ],
)
@pytest.mark.parametrize("publish", [False, True])
def test_invalid_input_gets_a_field_error_and_saves_nothing(
    admin_client, overrides, field, message, publish
):
    data = form_data(**overrides)
    if publish:
        data["action-publish"] = "publish"
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    errors = field_errors(response)
    assert any(message in error for error in errors[field]), errors
    assert not models.Testimonial.objects.exists()


def test_a_draft_may_leave_the_quote_for_later_but_publishing_needs_it(admin_client):
    response = admin_client.post(ADD, {**form_data(quote=""), "action-publish": "publish"})
    assert response.status_code == 200
    assert "required" in field_errors(response)["quote"][0]
    assert not models.Testimonial.objects.exists()

    assert admin_client.post(ADD, form_data(quote="")).status_code == 302
    draft = models.Testimonial.objects.get()
    assert not draft.live
    assert not models.Testimonial.objects.live().exists()


def test_invalid_edit_leaves_the_testimonial_unchanged(admin_client):
    testimonial = factories.TestimonialFactory(rating=4)
    edit = snippet_url("testimonial", "edit", testimonial.pk)
    response = admin_client.post(edit, {**form_data(rating="6"), "action-publish": "publish"})
    assert response.status_code == 200
    assert "rating" in field_errors(response)
    testimonial.refresh_from_db()
    assert testimonial.rating == 4
    assert testimonial.revisions.count() == 0


def test_the_database_refuses_a_rating_outside_1_to_5():
    with pytest.raises(IntegrityError), transaction.atomic():
        models.Testimonial.objects.create(name="Bad", quote="Bad", rating=6)


def test_preview_renders_the_unsaved_quote(admin_client):
    preview = snippet_url("testimonial", "preview_on_add")
    data = form_data(quote="Preview <script>alert(1)</script> me")
    assert admin_client.post(preview, data).json()["is_valid"]
    response = admin_client.get(preview)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview &lt;script&gt;alert(1)&lt;/script&gt; me" in html
    assert "<script>alert(1)" not in html
    assert not models.Testimonial.objects.exists()


def test_listing_search_finds_by_name_role_and_quote(admin_client):
    factories.TestimonialFactory(
        name="Ana Flores", role="Instrument student", quote="Approach plates."
    )
    factories.TestimonialFactory(
        name="Ben Ortiz", role="CFI applicant", quote="Fundamentals of instructing."
    )
    for query, expected in [("Flores", "Ana"), ("CFI", "Ben"), ("instructing", "Ben")]:
        response = admin_client.get(LIST, {"q": query})
        assert [title.split()[0] for title in listed_titles(response)] == [expected], query


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"rating": "3"}, {"Three"}),
        ({"featured": "true"}, {"Featured five"}),
        ({"live": "false"}, {"Draft five"}),
        ({"live": "true", "rating": "5"}, {"Featured five"}),
        ({"rating": "9"}, {"Three", "Featured five", "Draft five"}),
    ],
)
def test_listing_filters(admin_client, params, expected):
    factories.TestimonialFactory(name="Three", role="", rating=3)
    factories.TestimonialFactory(name="Featured five", role="", rating=5, featured=True)
    factories.TestimonialFactory(name="Draft five", role="", rating=5, live=False)
    response = admin_client.get(LIST, params)
    assert response.status_code == 200
    assert set(listed_titles(response)) == expected


def test_listing_queries_do_not_grow_with_rows(admin_client):
    def publish_more(count):
        for _ in range(count):
            factories.TestimonialFactory(live=False).save_revision().publish()

    listings = [{}, {"q": "Pilot"}, {"live": "true", "rating": "5"}]
    publish_more(3)
    few = [count_queries(admin_client, LIST, params)[0] for params in listings]
    publish_more(27)
    many = []
    for params in listings:
        queries, response = count_queries(admin_client, LIST, params)
        assert len(response.context["object_list"]) == 20  # a full page of the 30
        many.append(queries)
    assert many == few
