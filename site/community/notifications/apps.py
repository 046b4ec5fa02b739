from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """In-app notifications and their emails; every app calls notify()."""

    name = "community.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self):
        from . import (  # noqa: F401
            live,  # sign-out closes the user's sockets
            subscriptions,  # subscription events notify the member
        )
