"""The tier rule on lesson pages: each tier sees exactly the content it may
(docs/architecture.md, "The tier rule")."""

import pytest

from .conftest import SENTINELS

# Which sentinels each tier may see on the lesson pages; everything else must not appear.
VISIBLE = {
    "guest": {"guest_body", "preview_body"},
    "registered": {
        "guest_body",
        "preview_body",
        "gated_registered",
        "registered_body",
        "registered_transcript",
        "resource_registered",
    },
    "premium": set(SENTINELS),
    "staff": set(SENTINELS),
}
LESSONS = ["guest", "registered", "premium", "preview"]


def lesson_html(client, viewers, sentinel_course, tier):
    if viewers[tier] is not None:
        client.force_login(viewers[tier])
    html = ""
    for key in LESSONS:
        response = client.get(sentinel_course[key].url)
        assert response.status_code == 200
        html += response.content.decode()
    return html


@pytest.mark.parametrize("tier", ["guest", "registered", "premium", "staff"])
def test_each_tier_sees_exactly_its_content(client, viewers, sentinel_course, tier):
    html = lesson_html(client, viewers, sentinel_course, tier)
    for key, word in SENTINELS.items():
        if key in VISIBLE[tier]:
            assert word in html, f"{tier} should see {key}"
        else:
            assert word not in html, f"{tier} must not see {key}"


@pytest.mark.parametrize("tier", ["guest", "registered", "premium"])
def test_locked_lessons_still_show_title_summary_and_outline(
    client, viewers, sentinel_course, tier
):
    if viewers[tier]:
        client.force_login(viewers[tier])
    html = client.get(sentinel_course["premium"].url).content.decode()
    assert "Premium lesson" in html
    assert sentinel_course["premium"].summary in html
    for key in LESSONS:  # the whole module outline, with links
        assert sentinel_course[key].url in html


def test_guest_is_invited_to_sign_up_and_registered_learner_to_upgrade(
    client, sentinel_course, registered_user
):
    members = client.get(sentinel_course["registered"].url).content.decode()
    assert 'data-access="teaser"' in members
    assert "Sign up free" in members
    assert f"/accounts/signup/?next={sentinel_course['registered'].url}" in members

    client.force_login(registered_user)
    premium = client.get(sentinel_course["premium"].url).content.decode()
    assert 'data-access="teaser"' in premium
    assert "See Premium membership" in premium
    assert "Sign up free" not in premium


def test_gated_sections_show_their_title_and_a_prompt_instead_of_content(client, sentinel_course):
    html = client.get(sentinel_course["guest"].url).content.decode()
    assert 'data-access="full"' in html
    assert "Gouge for premium" in html
    assert "Locked section: Gouge for premium" in html


def test_expired_premium_is_registered_again(client, sentinel_course, premium_user):
    from django.utils import timezone

    subscription = premium_user.subscription
    subscription.end_date = timezone.now() - timezone.timedelta(minutes=1)
    subscription.start_date = timezone.now() - timezone.timedelta(days=30)
    subscription.save()
    client.force_login(premium_user)
    html = client.get(sentinel_course["premium"].url).content.decode()
    assert SENTINELS["premium_body"] not in html
    assert "See Premium membership" in html
