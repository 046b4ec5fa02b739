"""Request checks that every view would otherwise have to repeat."""

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
