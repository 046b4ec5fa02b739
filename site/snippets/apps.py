from django.apps import AppConfig


class SnippetsConfig(AppConfig):
    """Editorial records reused across pages: categories, testimonials and examiners."""

    name = "snippets"
    label = "snippets"
    verbose_name = "Snippets"
