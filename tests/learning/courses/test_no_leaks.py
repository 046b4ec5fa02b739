"""Hidden lesson content stays on the server on every other surface: search, sitemap,
API, editor previews, document downloads and shared caches (docs/architecture.md, "The tier
rule")."""

from django.test import RequestFactory

import pytest

from learning.courses.models import LessonResource

from .conftest import SENTINELS


def login(client, user):
    if user is not None:
        client.force_login(user)


@pytest.mark.parametrize(
    ("tier", "word", "found"),
    [
        ("guest", SENTINELS["guest_body"], True),
        ("guest", SENTINELS["registered_body"], False),
        ("guest", SENTINELS["registered_transcript"], False),
        ("guest", SENTINELS["premium_body"], False),
        ("guest", SENTINELS["preview_body"], True),
        ("registered", SENTINELS["registered_body"], True),
        ("registered", SENTINELS["registered_transcript"], True),
        ("registered", SENTINELS["premium_body"], False),
        ("premium", SENTINELS["premium_body"], True),
        ("staff", SENTINELS["premium_body"], True),
        # Gated sections are never searchable: matching them would reveal their words.
        ("premium", SENTINELS["gated_premium"], False),
    ],
)
def test_search_matches_body_text_only_for_readers_of_it(
    client, viewers, sentinel_course, tier, word, found
):
    login(client, viewers[tier])
    html = client.get("/search/", {"q": word}).content.decode()
    assert ("No results for" not in html) is found
    results = "".join(html.split('<ul class="results">')[1:])
    assert word not in results, "result snippets never quote lesson bodies"


def test_search_finds_locked_lessons_by_their_public_teaser(client, sentinel_course):
    html = client.get("/search/", {"q": "Premium lesson"}).content.decode()
    assert sentinel_course["premium"].url in html
    assert sentinel_course["premium"].summary in html
    assert 'aria-label="Locked"' in html
    assert SENTINELS["premium_body"] not in html


@pytest.mark.parametrize(
    "query", ["", "   ", "zzzznothing", "<script>alert(1)</script>", "x" * 5000]
)
def test_search_handles_empty_odd_and_hostile_queries(client, sentinel_course, query):
    response = client.get("/search/", {"q": query, "page": "abc"})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_sitemap_lists_urls_but_no_lesson_content(client, sentinel_course):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert sentinel_course["premium"].full_url in xml
    for word in SENTINELS.values():
        assert word not in xml


def test_the_pages_api_is_not_exposed(client, sentinel_course):
    for path in ("/api/v2/pages/", f"/api/v2/pages/{sentinel_course['premium'].pk}/"):
        response = client.get(path)
        assert response.status_code == 404
        assert "We could not find that page" in response.content.decode()
        assert SENTINELS["premium_body"].encode() not in response.content


@pytest.mark.parametrize(
    ("mode", "premium_visible", "cta"),
    [("", True, None), ("guest", False, "Sign up free"), ("premium", True, None)],
)
def test_editor_preview_renders_as_the_chosen_tier(
    client, sentinel_course, instructor, mode, premium_visible, cta
):
    """Wagtail's preview panel offers one mode per tier; each renders as that tier sees it."""
    lesson = sentinel_course["premium"]
    client.force_login(instructor)
    request = RequestFactory().get(
        lesson.url, HTTP_COOKIE=f"sessionid={client.session.session_key}"
    )
    response = lesson.make_preview_request(original_request=request, preview_mode=mode)
    html = response.content.decode()
    assert response.status_code == 200
    assert (SENTINELS["premium_body"] in html) is premium_visible
    if cta:
        assert cta in html
    assert "private" in response["Cache-Control"]


def test_preview_is_for_editors_only(client, sentinel_course, premium_user):
    lesson = sentinel_course["premium"]
    client.force_login(premium_user)
    response = client.get(f"/admin/pages/{lesson.pk}/edit/preview/?mode=guest")
    assert response.status_code == 302  # no admin access: sent to log in as someone else
    assert response["Location"].startswith(
        f"/accounts/login/?next=/admin/pages/{lesson.pk}/edit/preview/"
    )
    assert SENTINELS["premium_body"].encode() not in response.content


@pytest.mark.parametrize(
    ("tier", "registered_file", "premium_file"),
    [
        ("guest", 403, 403),
        ("registered", 200, 403),
        ("premium", 200, 200),
        ("staff", 200, 200),
    ],
)
def test_lesson_downloads_follow_the_tier_rule(
    client, viewers, sentinel_course, tier, registered_file, premium_file
):
    login(client, viewers[tier])
    resources = {r.is_premium: r.document for r in LessonResource.objects.all()}
    assert client.get(resources[False].url).status_code == registered_file
    assert client.get(resources[True].url).status_code == premium_file


def test_document_in_a_gated_section_needs_the_section_tier(
    client, sentinel_course, registered_user, premium_user
):
    from .conftest import document

    doc = document("gated-checklist")
    lesson = sentinel_course["guest"]
    lesson.body.append(
        (
            "gated_section",
            {
                "min_tier": "premium",
                "title": "Premium checklist",
                "content": [("document", {"document": doc, "title": "", "description": ""})],
            },
        )
    )
    lesson.save_revision().publish()
    client.force_login(registered_user)
    assert client.get(doc.url).status_code == 403
    client.force_login(premium_user)
    assert client.get(doc.url).status_code == 200


def test_anonymous_pages_are_publicly_cacheable_and_signed_in_pages_private(
    client, sentinel_course, premium_user
):
    response = client.get(sentinel_course["guest"].url)
    assert "public" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]

    client.force_login(premium_user)
    for key in ("guest", "premium"):
        response = client.get(sentinel_course[key].url)
        assert "private" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
        assert "Cookie" in response["Vary"]
    search = client.get("/search/", {"q": "lesson"})
    assert "private" in search["Cache-Control"]


@pytest.mark.parametrize("lesson_key", ["guest", "registered", "premium"])
def test_warm_body_and_download_caches_never_serve_premium_content_to_lower_tiers(
    client, viewers, sentinel_course, lesson_key, settings
):
    """Premium views every lesson first, filling the rendered-body and download caches;
    then each lower tier views it and must get only its own rendering."""
    settings.PAGE_CACHE_ENABLED = False  # the render caches are what is tested here
    url = sentinel_course[lesson_key].url
    client.force_login(viewers["premium"])
    client.get(url)
    client.logout()
    hidden_from = {
        "guest": ["gated_registered", "gated_premium", "registered_body", "premium_body"],
        "registered": ["gated_premium", "premium_body", "resource_premium"],
    }
    for tier, keys in hidden_from.items():
        login(client, viewers[tier])
        html = client.get(url).content.decode()
        for key in keys:
            assert SENTINELS[key] not in html, (tier, key)
        client.logout()
