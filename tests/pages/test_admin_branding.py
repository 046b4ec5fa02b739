"""The Wagtail admin wears Groundschool's logo and greeting, and so does the way in."""

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory

import pytest
from bs4 import BeautifulSoup

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGO = "/static/img/logo.svg"


def test_the_admin_login_page_shows_the_groundschool_logo(client):
    response = client.get("/admin/login/", follow=True)
    page = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert page.select_one(f'.site-header img[src="{LOGO}"]') is not None
    assert "Groundschool" in page.select_one(".site-header").get_text()


def test_wagtails_own_login_template_is_branded_too():
    # config/urls.py hands /admin/login/ to allauth, so only the template can be checked.
    request = RequestFactory().get("/admin/login/")
    request.user = AnonymousUser()
    html = render_to_string("wagtailadmin/login.html", {"form": None}, request=request)
    page = BeautifulSoup(html, "html.parser")
    assert page.h1.get_text(strip=True) == "Sign in to Groundschool"
    assert page.select_one(f'.login-logo img[src="{LOGO}"]')["alt"] == "Groundschool"


def test_the_dashboard_greets_in_groundschools_name_with_its_logo(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = BeautifulSoup(client.get("/admin/").content, "html.parser")
    assert page.h1.get_text(" ", strip=True) == "Welcome to the Groundschool admin"
    sidebar_logo = page.select_one("template[data-wagtail-sidebar-branding-logo]")
    assert LOGO in sidebar_logo.decode_contents()
    assert page.select_one(f'link[rel="icon"][href="{LOGO}"]') is not None
