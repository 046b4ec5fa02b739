"""Moderators approve and reject reviews in bulk; the listing exports; learners get nowhere."""

import csv
import io
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from accounts.roles import moderators_group
from community.reviews import services
from community.reviews.models import CourseRating, Review
from learning.enrollments.factories import enroll

from .conftest import published_review

QUEUE = reverse("reviews_moderation")
INDEX = reverse("reviews_review_modeladmin_index")


def pending_review(course, rating, title="Pending review"):
    author = UserFactory()
    enroll(author, course)
    return services.submit_review(author, course, rating, title, "Some words about it.")


@pytest.fixture
def moderator_client(client, db):
    user = UserFactory()
    user.groups.add(moderators_group())
    client.force_login(user)
    return client


def test_queue_lists_pending_reviews_oldest_first(moderator_client, course):
    published_review(course, title="Already public")
    pending_review(course, 4, title="Written first")
    pending_review(course, 2, title="Written second")
    html = moderator_client.get(QUEUE).content.decode()
    assert "Awaiting moderation (2)" in html
    assert html.index("Written first") < html.index("Written second")
    assert "Already public" not in html


def test_moderator_approves_in_bulk_and_ratings_update(moderator_client, course, commit):
    reviews = [pending_review(course, rating) for rating in (5, 4, 3)]
    with commit():
        response = moderator_client.post(
            QUEUE, {"action": "approve", "review": [r.pk for r in reviews[:2]]}, follow=True
        )
    assert "Approved 2 reviews." in response.content.decode()
    rating = CourseRating.objects.get(course=course)
    assert (rating.average, rating.count) == (Decimal("4.50"), 2)
    assert Review.objects.filter(is_approved=True).count() == 2


def test_moderator_rejects_and_the_author_sees_not_published(moderator_client, course, commit):
    with commit():
        review = published_review(course, rating=5)
        response = moderator_client.post(
            QUEUE + "?status=published", {"action": "reject", "review": [review.pk, "x", ""]}
        )
    assert response.status_code == 302
    review.refresh_from_db()
    assert services.review_status(review) == "Not published"
    assert not CourseRating.objects.filter(course=course).exists()


def test_nothing_selected_or_a_bad_action_changes_nothing(moderator_client, course):
    review = pending_review(course, 4)
    empty = moderator_client.post(QUEUE, {"action": "approve"}, follow=True)
    assert "Select at least one review first." in empty.content.decode()
    bad = moderator_client.post(QUEUE, {"action": "delete", "review": [review.pk]}, follow=True)
    assert bad.status_code == 200
    assert Review.objects.filter(pk=review.pk, is_approved=False).exists()


def test_learners_and_staff_without_permission_cannot_moderate(client, course):
    review = pending_review(course, 4)
    client.force_login(UserFactory())
    assert client.get(QUEUE).status_code == 302
    assert client.post(QUEUE, {"action": "approve", "review": [review.pk]}).status_code == 302

    editor = UserFactory()
    group = Group.objects.create(name="Admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)
    assert client.get(QUEUE).status_code == 403
    assert client.post(QUEUE, {"action": "approve", "review": [review.pk]}).status_code == 403
    assert "Review moderation" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert not Review.objects.filter(is_approved=True).exists()


def test_moderators_see_the_menu_item(moderator_client):
    assert (
        "Review moderation" in moderator_client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_listing_is_read_only_and_exports_csv(moderator_client, course):
    review = published_review(course, rating=5, title="=HYPERLINK(evil)")
    listing = moderator_client.get(INDEX)
    assert listing.status_code == 200
    inspect = moderator_client.get(reverse("reviews_review_modeladmin_inspect", args=[review.pk]))
    assert inspect.status_code == 200
    edit = moderator_client.get(reverse("reviews_review_modeladmin_edit", args=[review.pk]))
    assert (edit.status_code, edit["Location"]) == (302, reverse("wagtailadmin_home"))
    home = moderator_client.get(edit["Location"]).content.decode()
    assert "Sorry, you do not have permission to access this area." in home

    response = moderator_client.get(INDEX, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    assert rows[0]["Author Email"] == review.user.email
    assert rows[0]["Title"] == "'=HYPERLINK(evil)"
    assert rows[0]["Rating"] == "5"
    assert rows[0]["Is Verified Learner"] == "False"


def listing_queries(client, course, count, url):
    for n in range(count):
        pending_review(course, 1 + n % 5, title=f"Review {n}")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    Review.objects.all().delete()
    return len(queries)


@pytest.mark.parametrize("url", [QUEUE, INDEX])
def test_admin_listings_cost_the_same_for_3_and_30_reviews(moderator_client, course, url):
    assert listing_queries(moderator_client, course, 3, url) == listing_queries(
        moderator_client, course, 30, url
    )
