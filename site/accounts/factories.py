"""Test and demo factories for accounts (factory_boy)."""

from django.utils import timezone

import factory
from allauth.account.models import EmailAddress

from .models import Subscription, User

TEST_PASSWORD = "correct-horse-battery"  # noqa: S105 - only for factories


class UserFactory(factory.django.DjangoModelFactory):
    """A user who can log in: a known password and, unless verified=False, a verified email."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"pilot{n}@example.test")
    first_name = "Sam"
    last_name = "Pilot"
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if not create:
            return
        self.save()
        EmailAddress.objects.create(
            user=self, email=self.email, primary=True, verified=extracted is not False
        )


class SubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscription

    user = factory.SubFactory(UserFactory)
    tier = Subscription.Tier.PREMIUM
    status = Subscription.Status.ACTIVE
    start_date = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))
