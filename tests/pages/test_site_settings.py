"""Site settings: branding and menus edited in the admin show up in the header and footer,
cached fragments are refreshed when they change, and menus cost no query per link."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from accounts.factories import UserFactory
from pages.models import HomePage, StandardPage
from pages.site_settings import SiteBranding, SiteNavigation

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def editor_client():
    """An editor in their own browser, beside the anonymous visitor's `client`."""
    editor = Client()
    editor.force_login(UserFactory(is_staff=True, is_superuser=True))
    return editor


def settings_url(model, site):
    return reverse("wagtailsettings:edit", args=["pages", model, site.pk])


def menu_post(main=(), footer=(), social=()):
    return nested_form_data(
        {
            "main_menu": streamfield([("link", item) for item in main]),
            "footer_menu": streamfield([("link", item) for item in footer]),
            "social_links": streamfield([("social", item) for item in social]),
        }
    )


def add_page(title, slug, live=True):
    page = StandardPage(title=title, slug=slug, live=live)
    HomePage.objects.get().add_child(instance=page)
    return page


def header_of(html):
    return html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]


def footer_of(html):
    return html.split('<footer class="site-footer">', 1)[1].split("</footer>", 1)[0]


def test_fresh_install_header_falls_back_to_home_courses_and_search(client):
    header = header_of(client.get("/").content.decode())
    assert '<a href="/" aria-current="page">Home</a>' in header
    assert '<a href="/courses/">Courses</a>' in header
    assert '<a href="/search/">Search</a>' in header
    assert "<span>Groundschool</span>" in header


@pytest.mark.parametrize("model", ["sitebranding", "sitenavigation"])
def test_marketers_find_both_settings_in_the_admin(editor_client, site, model):
    response = editor_client.get(settings_url(model, site))
    assert response.status_code == 200
    assert reverse("wagtailsettings:edit", args=["pages", model]) in response.content.decode()


def test_editing_branding_in_the_admin_changes_header_and_footer(client, editor_client, site):
    client.get("/")  # the old header is now in the fragment cache
    response = editor_client.post(
        settings_url("sitebranding", site),
        {
            "site_name": "Checkride Academy",
            "footer_text": "Blue skies and tailwinds.",
            "organization_name": "Checkride Academy LLC",
        },
    )
    assert response.status_code == 302

    html = client.get("/").content.decode()
    assert "<span>Checkride Academy</span>" in header_of(html)
    footer = footer_of(html)
    assert "Blue skies and tailwinds." in footer
    assert "Checkride Academy LLC" in footer


def test_menus_edited_in_the_admin_appear_on_the_next_response(client, editor_client, site):
    about = add_page("About us", "about")
    assert "Pilot shop" not in client.get("/").content.decode()  # warm the fragment cache

    response = editor_client.post(
        settings_url("sitenavigation", site),
        menu_post(
            main=[
                {"label": "", "page": about.pk, "url": ""},
                {"label": "Pilot shop", "page": "", "url": "https://shop.example.test/"},
            ],
            footer=[{"label": "Search the site", "page": "", "url": "/search/"}],
            social=[{"platform": "youtube", "url": "https://youtube.example.test/@gs"}],
        ),
    )
    assert response.status_code == 302

    html = client.get("/").content.decode()
    header = header_of(html)
    assert '<a href="/about/">About us</a>' in header  # label defaults to the page title
    assert '<a href="https://shop.example.test/">Pilot shop</a>' in header
    assert "Courses" not in header  # the fallback is gone once a menu exists
    assert header.index("About us") < header.index("Pilot shop")
    footer = footer_of(html)
    assert '<a href="/search/">Search the site</a>' in footer
    assert 'href="https://youtube.example.test/@gs"' in footer
    assert ">YouTube</a>" in footer


@pytest.mark.parametrize(
    ("item", "error"),
    [
        ({"label": "Both", "page": "PAGE", "url": "https://x.example.test/"}, "not both"),
        ({"label": "Neither", "page": "", "url": ""}, "Choose a page or enter a URL."),
        ({"label": "", "page": "", "url": "https://x.example.test/"}, "needs a label"),
        ({"label": "Script", "page": "", "url": "javascript:alert(1)"}, "Enter a full web"),
        ({"label": "Sneaky", "page": "", "url": "//evil.example.test/"}, "Enter a full web"),
    ],
)
def test_menu_links_need_exactly_one_safe_target(client, editor_client, site, item, error):
    about = add_page("About us", "about")
    item = {**item, "page": about.pk if item["page"] == "PAGE" else item["page"]}
    response = editor_client.post(settings_url("sitenavigation", site), menu_post(main=[item]))

    assert response.status_code == 200  # the editor stays on the form, with the error
    assert error in response.content.decode()
    assert not SiteNavigation.for_site(site).main_menu


def test_saving_settings_in_code_also_refreshes_cached_menus(client, site):
    client.get("/")
    nav = SiteNavigation.for_site(site)
    nav.main_menu = [{"type": "link", "value": {"label": "Gouge", "url": "/gouge/"}}]
    nav.save()
    assert '<a href="/gouge/">Gouge</a>' in header_of(client.get("/").content.decode())


def test_unpublished_menu_pages_drop_out_and_publishing_refreshes_the_menu(client, site):
    about = add_page("About us", "about")
    draft = add_page("Coming soon", "soon", live=False)
    nav = SiteNavigation.for_site(site)
    nav.main_menu = [
        {"type": "link", "value": {"label": "", "page": about.pk}},
        {"type": "link", "value": {"label": "", "page": draft.pk}},
    ]
    nav.save()
    header = header_of(client.get("/").content.decode())
    assert "About us" in header
    assert "Coming soon" not in header

    about.title = "Our story"
    about.save_revision().publish()
    assert "Our story" in header_of(client.get("/").content.decode())
    about.unpublish()
    assert "Our story" not in header_of(client.get("/").content.decode())


def test_current_page_and_section_are_marked_for_assistive_technology(client, site):
    about = add_page("About us", "about")
    team = about.add_child(instance=StandardPage(title="Team", slug="team"))
    nav = SiteNavigation.for_site(site)
    nav.main_menu = [
        {"type": "link", "value": {"label": "Home", "url": "/"}},
        {"type": "link", "value": {"label": "About", "page": about.pk}},
    ]
    nav.footer_menu = [{"type": "link", "value": {"label": "About", "page": about.pk}}]
    nav.save()

    home_header = header_of(client.get("/").content.decode())
    assert '<a href="/" aria-current="page">Home</a>' in home_header
    assert '<a href="/about/">About</a>' in home_header

    about_html = client.get("/about/").content.decode()
    assert '<a href="/about/" aria-current="page">About</a>' in header_of(about_html)
    assert '<a href="/about/" aria-current="page">About</a>' in footer_of(about_html)
    assert '<a href="/">Home</a>' in header_of(about_html)

    team_header = header_of(client.get(team.url).content.decode())
    assert '<a href="/about/" aria-current="true">About</a>' in team_header


def test_cached_header_never_shows_one_visitor_another_visitors_name(client):
    client.get("/")  # the anonymous header is cached first
    seen = []
    for name in ("Robin Rudder", "Alex Aileron"):
        user = UserFactory()
        user.profile.display_name = name
        user.profile.save()
        client.force_login(user)
        header = header_of(client.get("/").content.decode())
        assert name in header
        assert not any(other in header for other in seen)
        seen.append(name)
    client.logout()
    header = header_of(client.get("/").content.decode())
    assert not any(other in header for other in seen)
    assert "Log in" in header


def test_random_paths_share_one_cached_header(client, site):
    """Fragments vary on which link is current, not on the raw path, so requests for
    made-up URLs cannot fill the cache with copies of the header."""
    from pages.navigation import menus_for_request

    client.get("/")  # the first request creates the (empty) settings rows
    keys = set()
    for path in ("/no-such-page/", "/another-made-up-url/", "/x/y/z/"):
        response = client.get(path)
        assert response.status_code == 404
        keys.add(menus_for_request(response.wsgi_request).cache_key)
    assert len(keys) == 1


def home_page_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def set_menus(site, pages):
    nav = SiteNavigation.for_site(site)
    links = [{"type": "link", "value": {"label": "", "page": page.pk}} for page in pages]
    nav.main_menu = links
    nav.footer_menu = links
    nav.save()


def test_menu_queries_do_not_grow_with_the_number_of_links(client, site):
    from django.core.cache import cache

    pages = [add_page(f"Page {n}", f"page-{n}") for n in range(10)]
    SiteBranding.for_site(site)
    counts = {}
    for size in (2, 10):
        set_menus(site, pages[:size])
        cache.clear()
        cold = home_page_queries(client)
        warm = home_page_queries(client)
        counts[size] = (cold, warm)
        assert f"Page {size - 1}</a>" in header_of(client.get("/").content.decode())
    assert counts[2] == counts[10]

    set_menus(site, [])
    client.get("/")
    assert home_page_queries(client) == counts[10][1]  # a warm menu costs no query at all


def test_demo_menus_and_contact_page_load_once_and_keep_editor_changes(client, site):
    from io import StringIO

    from django.core.management import call_command

    from demo.loaders import site_settings as demo_site
    from pages.forms_pages import FormPage

    call_command("load_demo", stdout=StringIO())
    demo_site.load(StringIO())
    header = header_of(client.get("/").content.decode())
    for label, url in (("Courses", "/courses/"), ("About", "/about/"), ("Contact", "/contact/")):
        assert f'<a href="{url}">{label}</a>' in header
    contact = FormPage.objects.get(slug="contact")
    assert contact.to_address == "support@groundschool.test"
    assert [f.clean_name for f in contact.form_fields.all()] == [
        "your_name",
        "email",
        "topic",
        "message",
    ]
    assert "Premium membership" in footer_of(client.get("/").content.decode())

    nav = SiteNavigation.for_site(site)
    nav.main_menu = [{"type": "link", "value": {"label": "Only this", "url": "/only/"}}]
    nav.save()
    branding = SiteBranding.for_site(site)
    branding.footer_text = "Edited by marketing."
    branding.save()
    demo_site.load(StringIO())

    assert FormPage.objects.count() == 1
    html = client.get("/").content.decode()
    assert "Only this" in header_of(html)
    assert "Courses" not in header_of(html)
    assert "Edited by marketing." in footer_of(html)


@pytest.mark.django_db
def test_site_name_from_branding_titles_every_page(client):
    branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
    branding.site_name = "Ridge Aviation Ground School"
    branding.save()
    assert "· Ridge Aviation Ground School</title>" in client.get("/").content.decode()
    assert "· Ridge Aviation Ground School</title>" in client.get("/nope/").content.decode()
