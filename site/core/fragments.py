"""One protocol for forms that work both with and without JavaScript.

Without JS a form posts, the view does its work and redirects (or re-renders the page
with errors). With JS, static/js/enhance.js posts the same form with the header
`X-Requested-With: fetch`; the view then answers JSON: `html` to swap into the page,
`message` to announce, `error` for a refusal. Views call these helpers so both paths
stay the same code.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

FETCH_HEADER_VALUE = "fetch"


class Refused(Exception):
    """A request a service will not carry out, with the message shown to the user and the
    HTTP status to answer. Each app's services raise their own subclass."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def wants_fragment(request):
    return request.headers.get("X-Requested-With") == FETCH_HEADER_VALUE


def fragment_or_redirect(request, template, context, redirect_to, message=None, status=200):
    """Success: the re-rendered fragment for JS, else a message and a redirect."""
    if wants_fragment(request):
        html = render_to_string(template, context, request) if template else None
        return JsonResponse({"html": html, "message": message}, status=status)
    if message:
        messages.success(request, message)
    return redirect(redirect_to)


def refusal(request, message, status=400, template=None, context=None, page=None):
    """A clear refusal: JSON for JS (with the fragment, e.g. a form and its errors), else
    `page` (a full template that shows the form again, input kept) or the error page."""
    if wants_fragment(request):
        html = render_to_string(template, context or {}, request) if template else None
        return JsonResponse({"error": message, "html": html}, status=status)
    if page is not None:
        return TemplateResponse(request, page, {**(context or {}), "error": message}, status=status)
    return TemplateResponse(
        request, "refusal.html", {"message": message, "status": status}, status=status
    )


def answers_refusals(view):
    """Any Refused the view (or a service it calls) raises becomes the refusal page, or
    the JSON error for a fetch, with the refusal's own message and status."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Refused as refused:
            return refusal(request, refused.message, refused.status)

    return wrapper


def sign_in_required(message, back_after_post):
    """login_required for views that forms post to: a fetch gets a JSON 403 with
    `message` (it cannot follow a redirect), a guest's GET comes back to the same URL
    after logging in, and a guest's POST comes back to `back_after_post(request,
    **view_kwargs)`, the page the form was on, never the POST-only URL itself. A Refused
    raised by the view is answered as a refusal (answers_refusals)."""

    def decorator(view):
        answering = answers_refusals(view)

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.user.is_authenticated:
                return answering(request, *args, **kwargs)
            if wants_fragment(request):
                return JsonResponse({"error": message}, status=403)
            if request.method == "POST":
                return redirect_to_login(back_after_post(request, **kwargs))
            return redirect_to_login(request.get_full_path())

        return never_cache(wrapper)

    return decorator
