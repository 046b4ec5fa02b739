"""robots.txt: keep crawlers out of admin, account and search pages; point them at the
sitemap. Anonymous responses are publicly cacheable through the site cache policy
(pages.cache), like every other anonymous page."""

from django.http import HttpResponse
from django.views.decorators.http import require_safe

DISALLOWED_PATHS = ["/admin/", "/django-admin/", "/accounts/", "/search/"]


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in DISALLOWED_PATHS),
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
