"""Local development: the embedded defaults, DEBUG on, a throwaway key."""

from .base import *  # noqa: F403
from .env import env_bool, env_list, env_str

DEBUG = env_bool("DEBUG", True)
# Only for a developer's machine; production.py refuses to start with a default key.
SECRET_KEY = env_str("SECRET_KEY") or "dev-only-insecure-key-change-me"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
