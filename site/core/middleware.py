"""Request checks that every view would otherwise have to repeat."""

import re

from django.core.exceptions import ValidationError
from django.core.handlers.exception import response_for_exception
from django.http import Http404, QueryDict

NUL = "\x00"
NUL_MESSAGE = "The address contained a character that is not allowed (NUL)."


class NulBytesMiddleware:
    """No NUL byte from the address reaches a view.

    PostgreSQL cannot store or compare text holding NUL, so such a value reaching a
    query raised an error (a 500) in any view that used it, for example
    `/courses/?category=%00` or `/certificates/%00/pdf/`. In the path it is a 404 (no
    page has one in its address); in the query string it is dropped, as the
    search boxes always did, so a filter or search still shows its page. Posted forms
    are left to Django's form fields, which refuse NUL with a field error and keep
    what was typed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info:
            raise Http404(NUL_MESSAGE)  # no page has one in its address
        # A NUL arrives percent-encoded; most requests skip parsing the query here.
        if "%00" in request.META.get("QUERY_STRING", "") and holds_nul(request.GET):
            request.GET = without_nul(request.GET)
        return self.get_response(request)


def holds_nul(querydict):
    return any(
        NUL in key or any(NUL in value for value in values) for key, values in querydict.lists()
    )


def without_nul(querydict):
    cleaned = QueryDict(mutable=True)
    for key, values in querydict.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    cleaned._mutable = False
    return cleaned


# Wagtail's choosers answer ".../chosen/<pk>/" with the chosen object (images, documents,
# snippets), looking the pk up as given.
CHOOSER_CHOSEN = re.compile(r"^/admin/.+/chosen/[^/]*/$")


class MalformedChooserIdMiddleware:
    """A chooser's "chosen" URL with an id that is no id is a 404, not a 500.

    Wagtail's chooser views pass the pk from the URL straight to the database lookup, so
    `/admin/images/chooser/chosen/abc/` raised ValueError (a 500). Only those routes are
    covered: anywhere else such an error is a bug to fix, not to hide.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        malformed = isinstance(exception, ValueError | ValidationError | OverflowError)
        if malformed and CHOOSER_CHOSEN.match(request.path_info):
            return response_for_exception(request, Http404("No such object."))
        return None
