"""An endorsement as a letter-size PDF: the frozen text, the signature block, and the
verification link with its QR code, so a paper copy can be checked against the record.

Drawn on request (one page, a few milliseconds) rather than stored: the only thing that
changes after signing is the revocation, and a file rendered from the row is never
stale. Colours come from the certificate PDFs so both documents look alike.
"""

import io

from django.conf import settings
from django.urls import reverse
from django.utils.dateformat import format as date_format

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas as pdf_canvas

from learning.enrollments.certificates.pdf import INK, MUTED, NAVY, REVOKED_RED

PAGE_WIDTH, PAGE_HEIGHT = letter
MARGIN = 72
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
QR_SIZE = 96


def verification_url(endorsement):
    return settings.SITE_URL + reverse("endorsement_verify", args=[endorsement.verification_hash])


def pdf_filename(endorsement):
    return f"endorsement-{endorsement.kind}-{endorsement.signed_on:%Y-%m-%d}.pdf"


def revoked_line(endorsement, zone=None):
    revoked_on = endorsement.revoked_at.astimezone(zone) if zone else endorsement.revoked_at
    return f"Revoked on {date_format(revoked_on, 'j F Y')} — {endorsement.revoke_reason}"


def _paragraph(canvas, text, font, size, y, leading=1.35):
    canvas.setFont(font, size)
    for line in simpleSplit(text, font, size, TEXT_WIDTH):
        canvas.drawString(MARGIN, y, line)
        y -= size * leading
    return y


def _heading(canvas, endorsement):
    canvas.setFillColor(NAVY)
    canvas.setFont("Helvetica-Bold", 11)
    canvas.drawString(MARGIN, PAGE_HEIGHT - 72, settings.WAGTAIL_SITE_NAME.upper())
    canvas.setFont("Times-Bold", 24)
    canvas.drawString(MARGIN, PAGE_HEIGHT - 104, "Logbook endorsement")
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(1)
    canvas.line(MARGIN, PAGE_HEIGHT - 116, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 116)


def _body(canvas, endorsement):
    heading, *paragraphs = endorsement.text.split("\n")
    canvas.setFillColor(INK)
    y = _paragraph(canvas, heading, "Helvetica-Bold", 12, PAGE_HEIGHT - 150) - 8
    for paragraph in paragraphs:
        y = _paragraph(canvas, paragraph, "Times-Roman", 13, y) - 10
    canvas.setFillColor(MUTED)
    facts = [
        f"Student: {endorsement.student_name}",
        f"Instructor: {endorsement.instructor_name}, CFI {endorsement.cfi_certificate_number}",
        f"Signed electronically on {date_format(endorsement.signed_on, 'j F Y')} with the "
        "instructor's typed name and password.",
    ]
    for fact in facts:
        y = _paragraph(canvas, fact, "Helvetica", 9, y, leading=1.5)
    return y


def _verification(canvas, endorsement):
    url = verification_url(endorsement)
    widget = QrCodeWidget(url, barLevel="M", barBorder=2, barWidth=QR_SIZE, barHeight=QR_SIZE)
    drawing = Drawing(QR_SIZE, QR_SIZE)
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, MARGIN, 84)
    canvas.setFillColor(MUTED)
    canvas.setFont("Helvetica", 8)
    canvas.drawString(MARGIN + QR_SIZE + 12, 150, "Scan or visit to verify this endorsement:")
    split = url.rfind(endorsement.verification_hash)
    canvas.setFont("Courier", 7.5)
    for offset, line in enumerate(filter(None, [url[:split], url[split:]])):
        canvas.drawString(MARGIN + QR_SIZE + 12, 136 - offset * 10, line)


def _revoked(canvas, endorsement):
    canvas.saveState()
    canvas.setFillColor(REVOKED_RED)
    canvas.setFillAlpha(0.22)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(35)
    canvas.setFont("Helvetica-Bold", 110)
    canvas.drawCentredString(0, -40, "REVOKED")
    canvas.restoreState()
    canvas.setFillColor(REVOKED_RED)
    _paragraph(canvas, revoked_line(endorsement), "Helvetica-Bold", 12, 230)


def render_endorsement(endorsement, compress=True, invariant=False):
    """PDF bytes; `compress=False, invariant=True` give a file whose text tests can read."""
    buffer = io.BytesIO()
    canvas = pdf_canvas.Canvas(
        buffer,
        pagesize=letter,
        pageCompression=1 if compress else 0,
        invariant=1 if invariant else 0,
    )
    canvas.setTitle(str(endorsement))
    canvas.setAuthor(endorsement.instructor_name)
    canvas.setSubject(endorsement.regulation)
    _heading(canvas, endorsement)
    _body(canvas, endorsement)
    _verification(canvas, endorsement)
    if endorsement.is_revoked:
        _revoked(canvas, endorsement)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
