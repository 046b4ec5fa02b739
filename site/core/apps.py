from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app may use: refusals and fragments, lenient query parsing, pagination,
    URL converters, admin and CSV helpers, images, rate limits, the task outbox, and the
    guest page cache.

    `core` sits at the bottom of the layering: it imports no other app of ours.
    """

    name = "core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from .converters import register_converters
        from .outbox import signals  # noqa: F401  (connects the Celery signal handlers)
        from .page_cache import purge

        register_converters()
        purge.connect()
