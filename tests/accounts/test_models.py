"""Users log in by email; every user gets a profile and preferences; tiers follow plans."""

from django.db import IntegrityError
from django.utils import timezone

import pytest

from accounts.factories import SubscriptionFactory, UserFactory
from accounts.models import Subscription, User
from accounts.tiers import Tier, tier_for

pytestmark = pytest.mark.django_db


def test_email_is_stored_lowercase_and_unique_ignoring_case():
    user = User.objects.create_user("Ada.Lovelace@Example.TEST", "x")
    assert user.email == "ada.lovelace@example.test"
    with pytest.raises(IntegrityError):
        # bulk_create skips save(), so only the database constraint can stop this
        User.objects.bulk_create([User(email="ADA.LOVELACE@example.test")])


def test_users_get_a_profile_and_preferences_however_they_are_created():
    user = User.objects.create_superuser("root@example.test", "x")
    assert user.profile.display_name == ""
    assert user.preferences.timezone == "UTC"
    assert user.preferences.theme == "system"


def test_display_name_never_shows_the_full_email_address():
    user = User.objects.create_user("sky.king@example.test", "x")
    assert user.display_name == "sky.king"
    user.profile.display_name = "Sky King"
    assert user.display_name == "Sky King"


def test_tiers_follow_subscriptions_and_their_end_dates():
    from django.contrib.auth.models import AnonymousUser

    assert tier_for(AnonymousUser()) == Tier.GUEST
    assert tier_for(UserFactory()) == Tier.REGISTERED

    premium = SubscriptionFactory().user
    assert tier_for(User.objects.get(pk=premium.pk)) == Tier.PREMIUM

    lapsed = SubscriptionFactory(end_date=timezone.now() - timezone.timedelta(minutes=1))
    assert tier_for(User.objects.get(pk=lapsed.user.pk)) == Tier.REGISTERED

    canceled = SubscriptionFactory(status=Subscription.Status.CANCELED)
    assert tier_for(User.objects.get(pk=canceled.user.pk)) == Tier.REGISTERED

    free_plan = SubscriptionFactory(tier=Subscription.Tier.REGISTERED)
    assert tier_for(User.objects.get(pk=free_plan.user.pk)) == Tier.REGISTERED

    admin = User.objects.create_superuser("boss@example.test", "x")
    assert tier_for(admin) == Tier.STAFF
    assert Tier.GUEST < Tier.REGISTERED < Tier.PREMIUM < Tier.STAFF


def test_a_subscription_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError):
        SubscriptionFactory(end_date=timezone.now() - timezone.timedelta(days=30))
