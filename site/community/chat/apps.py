from django.apps import AppConfig


class ChatConfig(AppConfig):
    """Conversations between learners, their instructors and staff, live over WebSockets."""

    name = "community.chat"
    label = "chat"
    verbose_name = "Messages"

    def ready(self):
        from . import receivers  # noqa: F401 - connects the enrollment receiver
