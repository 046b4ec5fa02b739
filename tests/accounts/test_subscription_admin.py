"""Staff grant and end Premium from the Wagtail admin; nobody else can.

URL names come from wagtail_modeladmin.helpers.url.AdminURLHelper:
"<app_label>_<model_name>_modeladmin_<action>".
"""

import csv
import io

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.factories import SubscriptionFactory, UserFactory
from accounts.models import Subscription, User
from accounts.roles import instructors_group
from accounts.tiers import Tier, tier_for

pytestmark = pytest.mark.django_db

INDEX = reverse("accounts_subscription_modeladmin_index")
CREATE = reverse("accounts_subscription_modeladmin_create")
DATETIME_INPUT = "%Y-%m-%d %H:%M"


def edit_url(subscription):
    return reverse("accounts_subscription_modeladmin_edit", args=[subscription.pk])


def inspect_url(subscription):
    return reverse("accounts_subscription_modeladmin_inspect", args=[subscription.pk])


def fresh_tier(user):
    """The tier a new request would see (tier_for caches on the user object)."""
    return tier_for(User.objects.get(pk=user.pk))


def when(**delta):
    return (timezone.now() + timezone.timedelta(**delta)).strftime(DATETIME_INPUT)


def plan_data(**overrides):
    data = {
        "tier": Subscription.Tier.PREMIUM,
        "status": Subscription.Status.ACTIVE,
        "start_date": when(days=-1),
        "end_date": "",
    }
    data.update(overrides)
    return data


def staff_with(*codenames):
    """A non-superuser who may use the admin plus the given subscription permissions."""
    group = Group.objects.create(name=f"Support {'-'.join(codenames)}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="accounts", codename__in=codenames),
    )
    user = UserFactory()
    user.groups.add(group)
    return user


@pytest.fixture
def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def support(client):
    user = staff_with(
        "add_subscription", "change_subscription", "delete_subscription", "view_subscription"
    )
    client.force_login(user)
    return user


@pytest.fixture
def instructor():
    user = UserFactory()
    user.groups.add(instructors_group())
    return user


def test_listing_shows_subscriptions_and_filters_by_status(client, superuser):
    active = SubscriptionFactory(user__email="active.pilot@example.test")
    canceled = SubscriptionFactory(
        user__email="canceled.pilot@example.test", status=Subscription.Status.CANCELED
    )
    client.force_login(superuser)

    everything = client.get(INDEX)
    assert everything.status_code == 200
    assert list(everything.context["object_list"]) == [canceled, active]  # newest first
    assert b"active.pilot@example.test" in everything.content
    assert b"canceled.pilot@example.test" in everything.content

    only_canceled = client.get(INDEX, {"status__exact": "canceled"})
    assert only_canceled.status_code == 200
    assert b"canceled.pilot@example.test" in only_canceled.content
    assert b"active.pilot@example.test" not in only_canceled.content


def test_listing_searches_by_email_and_display_name(client, superuser):
    kit = SubscriptionFactory(user__email="kit@example.test")
    kit.user.profile.display_name = "Kit Tailwheel"
    kit.user.profile.save()
    SubscriptionFactory(user__email="other@example.test")
    client.force_login(superuser)

    by_name = client.get(INDEX, {"q": "tailwheel"})
    assert list(by_name.context["object_list"]) == [kit]
    assert b"Kit Tailwheel" in by_name.content
    by_email = client.get(INDEX, {"q": "other@"})
    assert [s.user.email for s in by_email.context["object_list"]] == ["other@example.test"]


def test_grants_premium_now_column_follows_the_tier_rule(client, superuser):
    SubscriptionFactory(user__email="premium@example.test")
    SubscriptionFactory(
        user__email="lapsed@example.test",
        end_date=timezone.now() - timezone.timedelta(minutes=1),
        start_date=timezone.now() - timezone.timedelta(days=5),
    )
    client.force_login(superuser)

    page = client.get(INDEX).content.decode()
    for email, shown in [("premium@example.test", "True"), ("lapsed@example.test", "False")]:
        row = page[page.index(email) :].split("</tr>", 1)[0]
        assert 'field-grants_premium_now title"><img src="/static/admin/img/icon-' in row
        assert f'alt="{shown}"' in row


def test_staff_grant_premium_by_creating_a_subscription(client, support):
    learner = UserFactory(email="new.student@example.test")
    assert fresh_tier(learner) == Tier.REGISTERED
    form_page = client.get(CREATE)
    assert form_page.status_code == 200
    assert b'type="email" name="user"' in form_page.content

    response = client.post(CREATE, {"user": "New.Student@Example.TEST", **plan_data()})

    assert response.status_code == 302
    assert response["Location"] == INDEX
    assert learner.subscription.tier == Subscription.Tier.PREMIUM
    assert fresh_tier(learner) == Tier.PREMIUM


def test_creating_for_an_unknown_email_or_a_learner_with_a_plan_is_a_form_error(client, support):
    existing = SubscriptionFactory()

    unknown = client.post(CREATE, {"user": "nobody@example.test", **plan_data()})
    assert unknown.status_code == 200
    assert unknown.context["form"].errors["user"] == ["No account uses this email address."]

    duplicate = client.post(CREATE, {"user": existing.user.email, **plan_data()})
    assert duplicate.status_code == 200
    assert "already has a subscription" in duplicate.context["form"].errors["user"][0]

    hostile = client.post(CREATE, {"user": "<script>" * 2000, **plan_data(tier="platinum")})
    assert hostile.status_code == 200
    assert set(hostile.context["form"].errors) == {"user", "tier"}
    assert Subscription.objects.count() == 1


def test_staff_end_premium_by_canceling(client, support):
    subscription = SubscriptionFactory(auto_renew=True)
    learner = subscription.user
    assert fresh_tier(learner) == Tier.PREMIUM

    response = client.post(
        edit_url(subscription),
        plan_data(
            status=Subscription.Status.CANCELED,
            start_date=subscription.start_date.strftime(DATETIME_INPUT),
        ),
    )

    assert response.status_code == 302
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.CANCELED
    assert subscription.auto_renew is False
    assert fresh_tier(learner) == Tier.REGISTERED


def test_edit_cannot_move_a_subscription_or_touch_payment_fields(client, support):
    subscription = SubscriptionFactory(payment_method="card", payment_id="pi_123")
    owner, other = subscription.user, UserFactory()

    form_page = client.get(edit_url(subscription))
    assert form_page.status_code == 200
    assert set(form_page.context["form"].fields) == {
        "tier",
        "status",
        "start_date",
        "end_date",
        "auto_renew",
    }
    assert owner.email in form_page.content.decode()
    assert "pi_123" in form_page.content.decode()

    response = client.post(
        edit_url(subscription),
        plan_data(user=other.pk, payment_method="", payment_id="forged"),
    )
    assert response.status_code == 302
    subscription.refresh_from_db()
    assert subscription.user == owner
    assert (subscription.payment_method, subscription.payment_id) == ("card", "pi_123")
    assert not Subscription.objects.filter(user=other).exists()


def test_end_date_before_start_date_is_a_field_error_and_changes_nothing(client, support):
    subscription = SubscriptionFactory()
    backwards = plan_data(start_date=when(days=-1), end_date=when(days=-10), status="canceled")

    edit = client.post(edit_url(subscription), backwards)
    assert edit.status_code == 200
    assert edit.context["form"].errors == {
        "end_date": ["The end date must be after the start date."]
    }
    assert b"The end date must be after the start date." in edit.content
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.ACTIVE
    assert subscription.end_date is None

    learner = UserFactory()
    create = client.post(CREATE, {"user": learner.email, **backwards})
    assert create.status_code == 200
    assert "end_date" in create.context["form"].errors
    assert not Subscription.objects.filter(user=learner).exists()


def test_people_without_subscription_permissions_are_turned_away(client, instructor):
    subscription = SubscriptionFactory()
    learner = subscription.user
    attempts = [
        ("get", INDEX, {}),
        ("get", inspect_url(subscription), {}),
        ("post", CREATE, {"user": UserFactory().email, **plan_data()}),
        ("post", edit_url(subscription), plan_data(status="canceled")),
    ]

    client.force_login(learner)
    for method, url, data in attempts:
        response = getattr(client, method)(url, data)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))

    client.force_login(instructor)
    for method, url, data in attempts:
        response = getattr(client, method)(url, data)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")

    assert Subscription.objects.get() == subscription
    assert Subscription.objects.get().status == Subscription.Status.ACTIVE


def test_the_menu_item_is_only_shown_to_people_who_may_use_it(client, instructor, superuser):
    client.force_login(instructor)
    assert INDEX not in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(superuser)
    assert INDEX in client.get(reverse("wagtailadmin_home")).content.decode()


def test_view_permission_lists_and_inspects_but_cannot_change(client):
    subscription = SubscriptionFactory()
    client.force_login(staff_with("view_subscription"))

    assert client.get(INDEX).status_code == 200
    inspect = client.get(inspect_url(subscription))
    assert inspect.status_code == 200
    assert subscription.user.email in inspect.content.decode()

    response = client.post(edit_url(subscription), plan_data(status="canceled"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.ACTIVE


def test_csv_export_keeps_false_values_and_defuses_formulas(client, support):
    subscription = SubscriptionFactory(status=Subscription.Status.CANCELED)
    subscription.user.profile.display_name = "=HYPERLINK(evil)"
    subscription.user.profile.save()

    response = client.get(INDEX, {"export": "csv"})

    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    assert rows[0]["Email"] == subscription.user.email
    assert rows[0]["Name"] == "'=HYPERLINK(evil)"
    assert rows[0]["Status"] == "canceled"
    assert rows[0]["Auto Renew"] == "False"
    assert rows[0]["Grants Premium Now"] == "False"


def listing_queries(client, count):
    SubscriptionFactory.create_batch(count)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(INDEX)
    assert response.status_code == 200
    assert len(response.context["object_list"]) == Subscription.objects.count()
    Subscription.objects.all().delete()
    return len(queries)


def test_listing_query_count_does_not_grow_with_rows(client, support):
    assert listing_queries(client, 3) == listing_queries(client, 30)
