"""The tier rule holds with the guest page cache in front: whoever fetches a page first,
a guest never gets a signed-in viewer's copy and a signed-in viewer never gets the
guest's (docs/architecture.md, "The tier rule")."""

from django.test import Client

import pytest

from tests.learning.courses.conftest import (
    SENTINELS,
    instructor,
    premium_user,
    registered_user,
    sentinel_course,
    viewers,
)
from tests.learning.courses.test_tiers import VISIBLE

__all__ = ["instructor", "premium_user", "registered_user", "sentinel_course", "viewers"]

SIGNED_IN = ["registered", "premium", "staff"]
LESSONS = ["guest", "registered", "premium", "preview"]


def surfaces(course):
    """Every lesson, the course page and the home page."""
    return [course[key].url for key in LESSONS] + [course["course"].url, "/"]


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def hidden_from_guests():
    return [word for key, word in SENTINELS.items() if key not in VISIBLE["guest"]]


@pytest.mark.parametrize("tier", SIGNED_IN)
def test_a_guest_after_a_signed_in_viewer_sees_only_guest_content(viewers, sentinel_course, tier):
    signed_in = client_for(viewers[tier])
    for path in surfaces(sentinel_course):
        assert signed_in.get(path)["X-Page-Cache"] == "bypass"
        for attempt in ("miss", "hit"):
            response = Client().get(path)
            assert response.status_code == 200
            assert response["X-Page-Cache"] == attempt
            html = response.content.decode()
            assert not [word for word in hidden_from_guests() if word in html], path


@pytest.mark.parametrize("tier", SIGNED_IN)
def test_a_signed_in_viewer_after_guests_gets_their_own_tier(viewers, sentinel_course, tier):
    for path in surfaces(sentinel_course):
        Client().get(path)
        assert Client().get(path)["X-Page-Cache"] == "hit"
    signed_in = client_for(viewers[tier])
    html = ""
    for key in LESSONS:
        response = signed_in.get(sentinel_course[key].url)
        assert response["X-Page-Cache"] == "bypass"
        html += response.content.decode()
    for key, word in SENTINELS.items():
        assert (word in html) is (key in VISIBLE[tier]), f"{tier} and {key}"
