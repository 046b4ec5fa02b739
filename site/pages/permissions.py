"""The Marketers group: curate what the public sees (the role is declared in accounts.roles).

Marketers edit and publish pages (home page sections, landing pages, featuring a
course), testimonials, categories and examiner records, the site settings (branding
and menus), upload images, and read contact-form submissions. They get no access to
subscriptions or to Django admin.
"""

from accounts.roles import MARKETERS, ensure_role


def marketers_group(home):
    """Idempotently create the Marketers group with its page rights under `home`."""
    return ensure_role(MARKETERS, pages=[home])
