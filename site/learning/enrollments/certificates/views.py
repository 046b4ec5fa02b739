"""Certificate pages: the public verification page and the holder's PDF download.

Verification is public by design (anyone given the link may check a certificate), so
it shows only what the certificate itself says, never the holder's email or the
reason for a revocation, and it is never cached: a revocation must show at once.
The PDF belongs to its holder alone; anyone else gets the same 404 as a wrong number.
"""

import logging
import re

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import FileResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.fragments import refusal
from core.outbox import enqueue

from ..models import Certificate
from ..tasks import render_certificate_pdf
from .pdf import local_day, pdf_filename

logger = logging.getLogger(__name__)

VERIFICATION_HASH = re.compile(r"[0-9a-f]{64}")
NOT_FOUND_MESSAGE = (
    "No certificate matches this verification link. Check that the whole link was copied "
    "(it ends in a long code of letters and digits), or ask the holder to send it again."
)
# While a PDF is being prepared the holder may ask again and again; this keeps those
# requests from queueing a render task each time.
RENDER_REQUEST_SECONDS = 60


def _certificates():
    return Certificate.objects.select_related("enrollment__user__preferences")


@require_safe
@never_cache
def verify(request, verification_hash):
    certificate = None
    if VERIFICATION_HASH.fullmatch(verification_hash):
        certificate = _certificates().filter(verification_hash=verification_hash).first()
    if certificate is None:
        return refusal(request, NOT_FOUND_MESSAGE, status=404)
    context = {
        "certificate": certificate,
        "issued_on": local_day(certificate, certificate.issued_at),
        "revoked_on": (
            local_day(certificate, certificate.revocation_date)
            if not certificate.is_valid
            else None
        ),
    }
    return TemplateResponse(request, "learning/enrollments/certificates/verify.html", context)


@require_safe
@login_required
def download_pdf(request, number):
    """The holder's PDF: served when current, else rendered (at once with eager Celery,
    by a worker otherwise while a waiting page offers to try again)."""
    certificate = _certificates().filter(certificate_number=number, enrollment__user=request.user)
    certificate = certificate.first()
    if certificate is None:
        return refusal(request, "There is no certificate with this number in your account.", 404)
    if certificate.pdf_is_current:
        response = _file_response(certificate)
        if response is not None:
            return response
    _request_render(certificate)
    certificate.refresh_from_db(fields=["pdf", "pdf_state"])
    if certificate.pdf_is_current:
        response = _file_response(certificate)
        if response is not None:
            return response
    response = TemplateResponse(
        request,
        "learning/enrollments/certificates/preparing.html",
        {"certificate": certificate},
        status=202,
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


def _request_render(certificate):
    """Enqueue one render per certificate state and minute through the task outbox: it
    runs at once (eager), goes to a worker, or waits for a broker that is down while
    the waiting page keeps asking."""
    key = f"certificate-pdf-render:{certificate.pk}:{certificate.state_key}"
    if not cache.add(key, True, timeout=RENDER_REQUEST_SECONDS):
        return
    enqueue(render_certificate_pdf, certificate.pk)


def _file_response(certificate):
    """The stored PDF as a download, or None when the file has gone from storage (it is
    then marked stale so that it is rendered again)."""
    try:
        handle = certificate.pdf.open("rb")
    except OSError:
        logger.warning("Certificate %s PDF %s is missing", certificate.pk, certificate.pdf.name)
        Certificate.objects.filter(pk=certificate.pk).update(pdf_state="")
        certificate.pdf_state = ""
        return None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=pdf_filename(certificate),
        content_type="application/pdf",
    )
    patch_cache_control(response, private=True, no_cache=True)
    return response
