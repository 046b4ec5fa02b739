"""The endorsements' site pages: the learner's own list, the PDF, and public verification.

Verification is public by design, like a certificate's: anyone the learner shows the
link to (an examiner, a flight school) may check that the endorsement exists as printed
and whether it still stands. It shows what the endorsement itself says and, when
revoked, the date and the reason (the instructor is told so when revoking); it is never
cached and never indexed. The PDF is the student's, the signing instructor's or a
superuser's; anyone else gets the same 404 as an unknown link.
"""

import re

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.fragments import refusal
from learning.instructors.models import Endorsement

from . import access
from .pdf import pdf_filename, render_endorsement

HASH = re.compile(r"[0-9a-f]{32,64}")
NOT_FOUND = (
    "No endorsement matches this link. Check that the whole link was copied (it ends in a "
    "long code of letters and digits), or ask for it again."
)
TEMPLATES = "learning/instructors/endorsements/"


def _by_hash(verification_hash):
    if not HASH.fullmatch(verification_hash):
        return None
    return Endorsement.objects.filter(verification_hash=verification_hash).first()


@require_safe
@login_required
def endorsement_list(request):
    endorsements = Endorsement.objects.filter(student=request.user).order_by("-signed_at")
    response = TemplateResponse(request, TEMPLATES + "list.html", {"endorsements": endorsements})
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
@login_required
def endorsement_pdf(request, verification_hash):
    endorsement = _by_hash(verification_hash)
    if endorsement is None or not access.may_download(request.user, endorsement):
        return refusal(request, NOT_FOUND, status=404)
    response = HttpResponse(render_endorsement(endorsement), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf_filename(endorsement)}"'
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
@never_cache
def endorsement_verify(request, verification_hash):
    endorsement = _by_hash(verification_hash)
    if endorsement is None:
        return refusal(request, NOT_FOUND, status=404)
    response = TemplateResponse(request, TEMPLATES + "verify.html", {"endorsement": endorsement})
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response
