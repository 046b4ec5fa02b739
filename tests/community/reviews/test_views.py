"""Writing, editing, deleting and voting through the site, with and without JavaScript."""

from django.urls import reverse

import pytest

from community.reviews import services
from community.reviews.models import HelpfulVote, Review
from learning.courses.factories import make_course

from .conftest import published_review

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}
VALID = {"rating": "4", "title": "Solid prep", "text": "The airspace module is excellent."}


def write_url(course):
    return reverse("course_reviews", args=[course.pk])


def post_review(client, course, js=False, **overrides):
    data = {**VALID, **overrides}
    data = {key: value for key, value in data.items() if value is not None}
    return client.post(write_url(course), data, **(FETCH if js else {}))


@pytest.fixture
def signed_in(client, learner, enrolled):
    client.force_login(learner)
    return client


def test_no_js_write_redirects_to_the_course_with_a_message(signed_in, course, learner):
    response = post_review(signed_in, course)
    assert response.status_code == 302
    assert response["Location"] == f"{course.url}#course-reviews"
    review = Review.objects.get(user=learner, course=course)
    assert (review.rating, review.title) == (4, "Solid prep")
    page = signed_in.get(response["Location"]).content.decode()
    assert "will appear once a moderator has checked it" in page
    assert "Awaiting moderation" in page


def test_js_write_answers_the_section_with_the_review_and_its_status(signed_in, course):
    response = post_review(signed_in, course, js=True)
    assert response.status_code == 200
    data = response.json()
    assert "moderator" in data["message"]
    assert 'id="course-reviews"' in data["html"]
    assert "Awaiting moderation" in data["html"]
    assert "Edit your review" in data["html"]


def test_editing_through_the_form_keeps_one_review(signed_in, course, learner):
    post_review(signed_in, course)
    post_review(signed_in, course, rating="2", title="Second thoughts")
    assert Review.objects.filter(user=learner).count() == 1
    assert Review.objects.get(user=learner).title == "Second thoughts"


@pytest.mark.parametrize("rating", ["0", "6", "abc", "4.5", None])
def test_bad_ratings_are_refused_keeping_what_was_typed(signed_in, course, rating):
    response = post_review(signed_in, course, rating=rating, title="Typed title")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose a rating from 1 to 5 stars" in html
    assert 'value="Typed title"' in html
    assert "The airspace module is excellent." in html
    assert not Review.objects.exists()


def test_bad_rating_by_js_gets_the_message_and_the_form_back(signed_in, course):
    response = post_review(signed_in, course, js=True, rating="9")
    assert response.status_code == 400
    data = response.json()
    assert data["error"] == "Choose a rating from 1 to 5 stars"
    assert "The airspace module is excellent." in data["html"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("text", "Too short", "at least 10 characters"),
        ("text", "x" * 5001, "5,000 characters or fewer"),
        ("title", "", "Give your review a title."),
        ("title", "t" * 121, "120 characters or fewer"),
    ],
)
def test_text_and_title_limits(signed_in, course, field, value, message):
    response = post_review(signed_in, course, **{field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Review.objects.exists()


def test_html_in_a_review_is_shown_as_text(signed_in, course, learner, auto_approve, commit):
    with commit():
        post_review(signed_in, course, title="<b>bold</b>", text="<script>alert(1)</script> ok!")
    html = signed_in.get(course.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ok!" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_learners_who_are_not_enrolled_are_told_to_enroll(client, course, other_learner):
    client.force_login(other_learner)
    response = post_review(client, course)
    assert response.status_code == 403
    assert "Enroll in the course to review it" in response.content.decode()
    js = post_review(client, course, js=True)
    assert js.status_code == 403
    assert "Enroll to review this course" in js.json()["html"]
    assert not Review.objects.exists()


def test_guests_are_sent_to_log_in(client, course):
    response = post_review(client, course)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert post_review(client, course, js=True).status_code == 403
    assert not Review.objects.exists()


def test_unknown_or_unpublished_course_is_not_found(signed_in, catalog):
    draft = make_course(catalog, title="Draft")
    draft.unpublish()
    for course_id in (draft.pk, 999999):
        response = signed_in.post(reverse("course_reviews", args=[course_id]), VALID)
        assert response.status_code == 404
        assert signed_in.get(reverse("course_reviews", args=[course_id])).status_code == 404
    assert not Review.objects.exists()


def test_deleting_another_learners_review_is_not_found(client, course, other_learner):
    review = published_review(course)
    client.force_login(other_learner)
    for headers in ({}, FETCH):
        response = client.post(reverse("delete_review", args=[review.pk]), **headers)
        assert response.status_code == 404
    assert Review.objects.filter(pk=review.pk).exists()


def test_learner_deletes_their_own_review(signed_in, course, learner, commit):
    with commit():
        review = services.submit_review(learner, course, 4, "Good", "Good airspace lessons.")
        services.approve([review], moderator=None)
    with commit():
        response = signed_in.post(reverse("delete_review", args=[review.pk]), **FETCH)
    assert response.status_code == 200
    assert "Write a review" in response.json()["html"]
    assert not Review.objects.exists()
    assert "No reviews yet" in signed_in.get(course.url).content.decode()


def test_delete_needs_post(signed_in, course, learner):
    review = services.submit_review(learner, course, 4, "Good", "Good airspace lessons.")
    assert signed_in.get(reverse("delete_review", args=[review.pk])).status_code == 405
    assert Review.objects.filter(pk=review.pk).exists()


def test_helpful_toggle_with_and_without_js(client, course, other_learner):
    review = published_review(course)
    client.force_login(other_learner)
    url = reverse("review_helpful", args=[review.pk])

    first = client.post(url, {"helpful": "1"}, **FETCH)
    again = client.post(url, {"helpful": "1"}, **FETCH)
    assert first.status_code == again.status_code == 200
    assert 'aria-pressed="true"' in again.json()["html"]
    assert "1 learner found this helpful" in again.json()["html"]
    assert HelpfulVote.objects.filter(review=review).count() == 1

    response = client.post(url, {"helpful": "0"})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.helpful_count == 0


def test_voting_for_your_own_or_a_hidden_review_is_refused(client, course, learner, enrolled):
    own = published_review(course)
    client.force_login(own.user)
    assert client.post(reverse("review_helpful", args=[own.pk]), **FETCH).status_code == 403
    pending = services.submit_review(learner, course, 4, "Good", "Good airspace lessons.")
    assert client.post(reverse("review_helpful", args=[pending.pk])).status_code == 404
    assert client.post(reverse("review_helpful", args=[987654])).status_code == 404
    assert not HelpfulVote.objects.exists()


def test_all_reviews_page_sorts_and_paginates(client, course):
    older = published_review(course, title="Older but useful")
    published_review(course, title="Newest one")
    services.vote_helpful(published_review(course, title="Voter's own").user, older.pk)
    url = reverse("course_reviews", args=[course.pk])

    newest = client.get(url).content.decode()
    assert newest.index("Newest one") < newest.index("Older but useful")
    helpful = client.get(url, {"sort": "helpful"}).content.decode()
    assert helpful.index("Older but useful") < helpful.index("Newest one")

    odd = client.get(url, {"sort": "loudest", "page": "abc"})
    assert odd.status_code == 200
    assert "We ignored an unknown sort order." in odd.content.decode()


def test_all_reviews_page_hides_pending_reviews(client, course, learner, enrolled):
    services.submit_review(learner, course, 1, "Secret pending", "Not yet moderated text.")
    published_review(course, title="Public one")
    html = client.get(reverse("course_reviews", args=[course.pk])).content.decode()
    assert "Public one" in html
    assert "Secret pending" not in html
