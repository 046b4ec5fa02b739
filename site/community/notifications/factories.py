"""Test and demo factories for notifications (factory_boy)."""

import factory

from accounts.factories import UserFactory

from .models import Notification


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    kind = "announcement"
    text = factory.Sequence(lambda n: f"Announcement number {n}")
    url = "/dashboard/"
