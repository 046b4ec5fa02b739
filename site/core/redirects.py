"""Where a form may send the visitor back to: only somewhere on this site."""

from urllib.parse import urlsplit

from django.utils.http import url_has_allowed_host_and_scheme

MAX_URL_LENGTH = 2000


def same_site_url(request, candidate, fallback):
    """`candidate` when it is a URL of this site that a redirect can follow, else
    `fallback`.

    It must be a path ("/courses/") or an absolute URL of this host (a Referer). A bare
    word ("dashboard", "0") passes Django's host check, but `redirect()` would then try
    it as a URL name: another page, or a NoReverseMatch 500.
    """
    candidate = candidate or ""
    if (
        len(candidate) > MAX_URL_LENGTH
        or "\x00" in candidate
        or not (candidate.startswith("/") or urlsplit(candidate).netloc)
    ):
        return fallback
    allowed = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if allowed else fallback


def referer_or(request, fallback):
    """The page the form was on, when it is ours; else `fallback`."""
    return same_site_url(request, request.headers.get("Referer", ""), fallback)
