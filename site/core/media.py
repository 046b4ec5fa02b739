"""Serving stored files: public media under DEBUG, and private files after a check.

Private files (core/storage.py) are never served by name alone. A view that has
checked the viewer hands one out with ``file_response``: streamed from the local disk,
or a redirect to a presigned S3 URL that expires after PRIVATE_MEDIA_URL_SECONDS.
``private_file`` serves the signed, short-lived links the local private storage gives
as its ``url()`` (what the admin shows for a learner's card picture).
"""

import mimetypes
import posixpath
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import storages
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import re_path
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from django.views.static import serve

from .storage import check_signed_url, is_public_name, url_seconds


def local_path(storage, name):
    try:
        return storage.path(name)
    except NotImplementedError:
        return None


def file_response(storage, name, *, filename=None, attachment=False, content_type=None):
    """``name`` from ``storage`` for a viewer already checked: never publicly cached."""
    if local_path(storage, name) is None:
        response = redirect(storage.url(name))
        patch_cache_control(response, private=True, no_store=True)
        return response
    try:
        handle = storage.open(name, "rb")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise Http404("No such file.") from None
    content_type = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(
        handle,
        as_attachment=attachment,
        filename=filename or posixpath.basename(name),
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    patch_cache_control(response, private=True, max_age=url_seconds())
    return response


@require_safe
def private_file(request, name):
    """A private file by a signed link from PrivateFileSystemStorage.url(): 404 when the
    signature is missing, forged or older than PRIVATE_MEDIA_URL_SECONDS."""
    if not check_signed_url(name, request.GET.get("s", "")):
        raise Http404("No such file.")
    return file_response(storages["private"], name)


@require_safe
def public_media(request, path):
    """DEBUG's /media/: public names only, so a private file left in MEDIA_ROOT (from
    before files were split) is not served either."""
    if not is_public_name(path):
        raise Http404("No such file.")
    return serve(request, path, document_root=settings.MEDIA_ROOT)


def debug_media_urls():
    """/media/ for `runserver` under DEBUG (a web server or S3 serves it otherwise)."""
    prefix = settings.MEDIA_URL
    if not settings.DEBUG or not prefix or urlsplit(prefix).netloc:
        return []
    return [re_path(rf"^{prefix.lstrip('/')}(?P<path>.*)$", public_media)]


urlpatterns = [
    re_path(r"^private-media/(?P<name>.+)$", private_file, name="private_file"),
]
