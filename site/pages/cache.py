"""The site's HTTP cache policy, applied to every response in one place.

Content that depends on the viewer (their tier, their name in the header) must never
sit in a shared cache. So: responses for signed-in users are `private`; anonymous
GET responses that set no cookie may be cached publicly for a short time; everything
else is left to the view. Every response varies on Cookie.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers

CACHEABLE_METHODS = {"GET", "HEAD"}


class CachePolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            patch_vary_headers(response, ["Cookie"])
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        elif self._publicly_cacheable(request, response):
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        else:
            patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
        return response

    @staticmethod
    def _publicly_cacheable(request, response):
        return (
            request.method in CACHEABLE_METHODS
            and response.status_code == 200
            and not response.cookies
            and not getattr(request, "is_preview", False)
        )
