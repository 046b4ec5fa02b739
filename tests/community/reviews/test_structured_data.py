"""Search engines read the course's rating from schema.org AggregateRating, and only
once approved reviews exist."""

import json
import re

from community.reviews.services import recompute_course_rating

from .conftest import published_review

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def course_jsonld(client, course):
    html = client.get(course.url).content.decode()
    blocks = [json.loads(block) for block in LD_JSON.findall(html)]
    return next(block for block in blocks if block["@type"] == "Course")


def test_aggregate_rating_follows_the_approved_reviews(client, course, commit):
    assert "aggregateRating" not in course_jsonld(client, course)
    with commit():
        published_review(course, rating=5)
        published_review(course, rating=4)
    rating = course_jsonld(client, course)["aggregateRating"]
    assert rating == {
        "@type": "AggregateRating",
        "ratingValue": "4.50",
        "ratingCount": 2,
        "bestRating": 5,
        "worstRating": 1,
    }


def test_no_rating_is_claimed_when_every_review_is_pending(client, course, enrolled, learner):
    from community.reviews.services import submit_review

    submit_review(learner, course, 1, "Too short", "Not what I wanted at all.")
    recompute_course_rating(course.pk)
    assert "aggregateRating" not in course_jsonld(client, course)
