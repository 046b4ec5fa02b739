from django.apps import AppConfig


class SnippetsConfig(AppConfig):
    """Editorial records reused across pages: categories now, testimonials and examiners next."""

    name = "snippets"
    label = "snippets"
    verbose_name = "Snippets"
