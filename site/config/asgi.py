"""ASGI entry point (daphne, uvicorn, `manage.py runserver`); puts site/ on sys.path
like manage.py.

HTTP goes to Django as usual; WebSockets (/ws/live/) go to the chat consumer, behind
the session login and an Origin check against ALLOWED_HOSTS, so another site's page
cannot open a socket with a visitor's cookies. Django is set up (get_asgi_application)
before the routing imports models.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

from django.core.asgi import get_asgi_application

django_application = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from community.chat.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_application,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)
