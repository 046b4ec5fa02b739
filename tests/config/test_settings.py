"""Production settings refuse unsafe configuration, and pass check --deploy when safe."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import pytest

from config.settings.env import env_bool, env_list

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 20 + "-Zq8#mR2@vL5!xN9$pT4%wB7^yC3&dF6*"
PRODUCTION = "config.settings.production"
# Everything a real deployment sets (nothing here is connected to while loading).
SAFE_PRODUCTION_ENV = {
    "SECRET_KEY": GOOD_KEY,
    "ALLOWED_HOSTS": "groundschool.example",
    "REDIS_URL": "redis://127.0.0.1:6379/3",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
}


def load_production(monkeypatch, **overrides):
    """Import production settings under SAFE_PRODUCTION_ENV changed by overrides
    (None unsets a variable)."""
    monkeypatch.delenv("DEBUG", raising=False)
    for name, value in {**SAFE_PRODUCTION_ENV, **overrides}.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    sys.modules.pop(PRODUCTION, None)
    sys.modules.pop("config.settings.base", None)
    try:
        return importlib.import_module(PRODUCTION)
    finally:
        sys.modules.pop(PRODUCTION, None)
        sys.modules.pop("config.settings.base", None)


@pytest.mark.parametrize(
    ("unsafe", "message"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "short"}, "too short"),
        ({"DEBUG": "true"}, "DEBUG must be off"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS must list"),
        ({"REDIS_URL": ""}, "REDIS_URL must be set"),
        (
            {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"},
            "EMAIL_BACKEND must name a real mail backend",
        ),
    ],
    ids=["no-key", "short-key", "debug", "no-hosts", "no-redis", "console-email"],
)
def test_production_refuses_to_start_on_unsafe_configuration(monkeypatch, unsafe, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        load_production(monkeypatch, **unsafe)


def test_production_with_safe_values_loads_secure_settings(monkeypatch):
    module = load_production(monkeypatch, ALLOWED_HOSTS="groundschool.example, www.example")
    assert module.ALLOWED_HOSTS == ["groundschool.example", "www.example"]
    assert module.SESSION_COOKIE_SECURE
    assert module.CSRF_COOKIE_SECURE
    assert module.SECURE_HSTS_SECONDS >= 31536000
    assert "Manifest" in module.STORAGES["staticfiles"]["BACKEND"]


def test_check_deploy_passes_without_warnings():
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(SAFE_PRODUCTION_ENV, DJANGO_SETTINGS_MODULE=PRODUCTION)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_env_bool_rejects_words_it_does_not_understand(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG must be true or false"):
        env_bool("SOME_FLAG")


def test_env_list_drops_blanks(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example, ,b.example, ")
    assert env_list("HOSTS") == ["a.example", "b.example"]
