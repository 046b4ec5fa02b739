"""Home and standard pages: tree rules, editing in the admin, rendering, error pages."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from accounts.factories import UserFactory
from learning.courses.models import CourseIndexPage
from pages.models import FormPage, HomePage, LandingPage, StandardPage


class PageTreeRules(WagtailPageTestCase):
    def test_home_page_allows_standard_pages_and_the_catalog(self):
        self.assertAllowedSubpageTypes(
            HomePage, {StandardPage, LandingPage, FormPage, CourseIndexPage}
        )
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_editor_can_create_a_standard_page_with_streamfield_content(self):
        self.login()
        home = HomePage.objects.get()
        self.assertCanCreate(
            home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Privacy",
                    "slug": "privacy",
                    "intro": rich_text("<p>What we keep and why.</p>"),
                    "body": streamfield(
                        [
                            ("heading", {"text": "Your data", "level": "h2"}),
                            ("paragraph", rich_text("<p>We keep your progress.</p>")),
                        ]
                    ),
                }
            ),
        )

    def test_every_page_type_renders(self):
        home = HomePage.objects.get()
        about = home.add_child(instance=StandardPage(title="About", slug="about"))
        self.assertPageIsRenderable(home)
        self.assertPageIsRenderable(about)


@pytest.mark.django_db
def test_migrations_leave_a_served_home_page(client):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()
    response = client.get("/")
    assert response.status_code == 200
    assert b"Pass your checkride with confidence" in response.content


@pytest.mark.django_db
def test_home_page_header_shows_login_state(client):
    guest_html = client.get("/").content.decode()
    assert "Log in" in guest_html
    assert "Sign up" in guest_html

    user = UserFactory()
    user.profile.display_name = "Robin Rudder"
    user.profile.save()
    client.force_login(user)
    html = client.get("/").content.decode()
    assert "Robin Rudder" in html
    assert "Log out" in html
    assert "Sign up" not in html


@pytest.mark.django_db
def test_home_page_query_count_is_pinned(
    client, settings, django_assert_num_queries, without_page_cache
):
    client.get("/")  # warm Wagtail's site cache as a running server has it
    # The page, read by the cached route (pages.routing); site, branding, restrictions
    # and menus come from the cache.
    with django_assert_num_queries(1):
        client.get("/")
    client.force_login(UserFactory())
    client.get("/")
    # Signed in adds the user (profile, preferences, plan and study settings in the same
    # query), two page-permission reads behind the Wagtail user bar (staff standing
    # itself is cached, accounts.standing), and the session unless sessions are cached
    # (REDIS_URL).
    session_reads = 0 if settings.SESSION_ENGINE.endswith("cached_db") else 1
    with django_assert_num_queries(1 + 3 + session_reads):
        client.get("/")


@pytest.mark.django_db
def test_unknown_urls_get_the_site_404_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"We could not find that page" in response.content
    assert b'class="skip-link"' in response.content
    assert b'<meta name="robots" content="noindex">' in response.content
    assert b'rel="canonical"' not in response.content  # an error is not a page to index


@pytest.mark.django_db
def test_the_500_page_renders_without_a_request_context():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
