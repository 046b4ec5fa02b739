from django.apps import AppConfig, apps
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate


def ensure_roles_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """After `migrate` (and a test database flush), once every app has migrated: make sure
    every app's permissions exist, then the staff roles (accounts.roles).

    post_migrate is sent once per app that has models, in INSTALLED_APPS order; only the
    last one acts. Django's own receiver has made the permissions of every app before it,
    but may not have run for this last one yet (auth's receiver is connected after this
    one, as auth comes after accounts), so those are made here first.
    """
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1]:
        return
    from django.contrib.auth.management import create_permissions

    from .roles import ensure_roles

    create_permissions(sender, verbosity=0, using=using)
    ensure_roles()


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from . import signals  # noqa: F401 - connects the user post_save handler

        post_migrate.connect(ensure_roles_after_migrate, dispatch_uid="accounts_ensure_roles")
