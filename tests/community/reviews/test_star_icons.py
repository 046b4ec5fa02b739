"""Star ratings are drawn with icons, not the star characters that show as empty boxes
on machines without a font for them, and every rating is also said in words."""

import re

from .conftest import published_review
from .test_tags import render_section


def stars_of(review_html):
    filled = review_html.count('class="star star--on"')
    outlined = review_html.count('class="star star--off"')
    return filled, outlined


def test_a_review_shows_its_rating_as_filled_and_outlined_star_icons(course, commit):
    with commit():
        published_review(course, rating=4, title="Solid oral prep")
    html = render_section(course)
    review = html.split('class="review"')[1]
    assert stars_of(review) == (4, 1)
    assert "Rated 4 out of 5" in review
    assert not re.search("[\u2605\u2606]", html)


def test_the_average_fills_its_stars_in_proportion_and_says_it_in_words(course, commit):
    with commit():
        published_review(course, rating=5)
        published_review(course, rating=4)
    html = render_section(course)
    assert "--stars-fill: 90%" in html
    assert html.count("<svg", html.index("star-meter"), html.index("rating-overview__text")) == 10
    assert "4.5 out of 5</strong>, 2 reviews" in html
