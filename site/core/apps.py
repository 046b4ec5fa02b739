from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared infrastructure: the transactional task outbox and worker heartbeats."""

    name = "core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from .outbox import signals  # noqa: F401  (connects the Celery signal handlers)
