from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """In-app notifications and their emails; every app calls notify()."""

    name = "community.notifications"
    label = "notifications"
    verbose_name = "Notifications"
