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
# What a real deployment sets besides the key and hosts (nothing here connects to them).
PRODUCTION_SERVICES = {
    "REDIS_URL": "redis://127.0.0.1:6379/3",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
}


def load_production(monkeypatch, **env):
    for name in ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", *PRODUCTION_SERVICES):
        monkeypatch.delenv(name, raising=False)
    for name, value in {**PRODUCTION_SERVICES, **env}.items():
        monkeypatch.setenv(name, value)
    sys.modules.pop(PRODUCTION, None)
    sys.modules.pop("config.settings.base", None)
    try:
        return importlib.import_module(PRODUCTION)
    finally:
        sys.modules.pop(PRODUCTION, None)
        sys.modules.pop("config.settings.base", None)


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be set"):
        load_production(monkeypatch, ALLOWED_HOSTS="groundschool.example")


def test_production_refuses_a_short_secret_key(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="too short"):
        load_production(monkeypatch, SECRET_KEY="short", ALLOWED_HOSTS="groundschool.example")


def test_production_refuses_debug(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be off"):
        load_production(
            monkeypatch, SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="groundschool.example", DEBUG="true"
        )


def test_production_refuses_empty_allowed_hosts(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="ALLOWED_HOSTS"):
        load_production(monkeypatch, SECRET_KEY=GOOD_KEY)


def test_production_refuses_to_run_without_shared_redis(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL must be set"):
        load_production(
            monkeypatch, SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="groundschool.example", REDIS_URL=""
        )


def test_production_refuses_the_console_email_backend(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_BACKEND must name a real mail backend"):
        load_production(
            monkeypatch,
            SECRET_KEY=GOOD_KEY,
            ALLOWED_HOSTS="groundschool.example",
            EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
        )


def test_production_with_safe_values_loads_secure_settings(monkeypatch):
    module = load_production(
        monkeypatch, SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="groundschool.example, www.example"
    )
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
    env.update(
        PRODUCTION_SERVICES,
        DJANGO_SETTINGS_MODULE=PRODUCTION,
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="groundschool.example",
    )
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
