"""`load_demo` gives every kind of user a working login, and running it twice changes nothing."""

import logging
from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page

import pytest

from accounts.models import User
from accounts.tiers import Tier, tier_for
from demo.loaders.gouge import DEMO_APPLICANTS
from demo.loaders.instructors import DEMO_INSTRUCTOR_USERS
from demo.loaders.reviews import DEMO_REVIEWERS

pytestmark = pytest.mark.django_db

DEMO_LOGINS = {
    "learner@demo.test": Tier.REGISTERED,
    "premium@demo.test": Tier.PREMIUM,
    "instructor@demo.test": Tier.STAFF,
    "marketer@demo.test": Tier.STAFF,
    "admin@demo.test": Tier.STAFF,
}


def test_load_demo_twice_creates_each_record_once(caplog):
    caplog.set_level(logging.WARNING)
    call_command("load_demo", stdout=StringIO())
    # Nothing to warn about on a fresh machine: no broker is configured, none is dialled.
    assert [record.getMessage() for record in caplog.records] == []
    counts = (User.objects.count(), Page.objects.count())
    call_command("load_demo", stdout=StringIO())
    assert (User.objects.count(), Page.objects.count()) == counts
    assert counts[0] == (
        len(DEMO_LOGINS) + len(DEMO_REVIEWERS) + len(DEMO_APPLICANTS) + len(DEMO_INSTRUCTOR_USERS)
    )


@pytest.mark.parametrize(("email", "tier"), DEMO_LOGINS.items())
def test_every_demo_login_works_with_the_default_password(client, demo_content, email, tier):
    response = client.post(reverse("account_login"), {"login": email, "password": "groundschool"})
    assert response.status_code == 302, email
    user = User.objects.get(email=email)
    assert tier_for(user) == tier


def test_demo_password_comes_from_the_environment(client, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "Flaps-Up-35")
    call_command("load_demo", stdout=StringIO())
    ok = client.post(
        reverse("account_login"), {"login": "learner@demo.test", "password": "Flaps-Up-35"}
    )
    assert (ok.status_code, ok["Location"]) == (302, reverse("dashboard"))
    assert client.session["_auth_user_id"] == str(User.objects.get(email="learner@demo.test").pk)


def test_instructor_and_admin_reach_the_wagtail_admin(client, demo_content):
    for email in ("instructor@demo.test", "admin@demo.test"):
        client.force_login(User.objects.get(email=email))
        dashboard = client.get("/admin/")
        assert dashboard.status_code == 200, email
        assert "<title>Dashboard - Wagtail</title>" in dashboard.content.decode(), email
    client.force_login(User.objects.get(email="learner@demo.test"))
    refused = client.get("/admin/")
    assert (refused.status_code, refused["Location"]) == (302, "/accounts/login/?next=/admin/")


def test_load_demo_keeps_what_editors_changed(client, demo_content):
    from pages.models import HomePage

    home = HomePage.objects.get()
    home.hero_heading = "Spring checkride bootcamp"
    home.save_revision().publish()
    revisions = home.revisions.count()

    call_command("load_demo", stdout=StringIO())
    home.refresh_from_db()
    assert home.hero_heading == "Spring checkride bootcamp"
    assert home.revisions.count() == revisions
    assert b"Spring checkride bootcamp" in client.get("/").content


def test_the_demo_learner_has_acs_coverage_to_show(demo_content):
    from learning.acs.models import AcsStandard
    from learning.learner.coverage import retained_ids, studied_ids

    learner = User.objects.get(email="learner@demo.test")
    standard = AcsStandard.objects.get(code="PA")
    assert studied_ids(learner, standard)
    assert retained_ids(learner, standard)


def test_loading_the_demo_again_keeps_demo_users_signed_in(client):
    call_command("load_demo", stdout=StringIO())
    client.post(
        reverse("account_login"), {"login": "learner@demo.test", "password": "groundschool"}
    )
    assert client.get(reverse("account_settings")).status_code == 200
    call_command("load_demo", stdout=StringIO())
    assert client.get(reverse("account_settings")).status_code == 200
