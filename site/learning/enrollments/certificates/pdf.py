"""Certificate PDFs: drawn with reportlab's built-in fonts, stored once per state.

A certificate's PDF changes only when what it must show changes (its `state_key`:
template version and valid/revoked), so the Celery task can run any number of times
and renders only when the stored file is stale. The layout is drawn directly on a
canvas rather than with platypus flowables: a certificate is one fixed page.
"""

import io

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import dateformat

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdf_canvas

from ..models import Certificate
from ..streaks import user_zone

PAGE_WIDTH, PAGE_HEIGHT = landscape(letter)
NAVY = colors.HexColor("#0b3d6b")
GOLD = colors.HexColor("#b08d3c")
INK = colors.HexColor("#16202c")
MUTED = colors.HexColor("#4a5868")
REVOKED_RED = colors.HexColor("#b91c1c")
QR_SIZE = 96


def local_day(certificate, moment):
    """The calendar day of `moment` in the holder's time zone, so the verification page
    and the PDF name the day the learner finished, wherever they live."""
    return moment.astimezone(user_zone(certificate.enrollment.user)).date()


def certificate_date(certificate, moment):
    """A date as the certificate states it: "1 December 2026"."""
    return dateformat.format(local_day(certificate, moment), "j F Y")


def verification_url(certificate):
    return settings.SITE_URL + certificate.get_verification_path()


def pdf_filename(certificate):
    return f"groundschool-certificate-{certificate.certificate_number}.pdf"


def _fit_lines(text, font, size, min_size, max_width, max_lines):
    """(size, lines): one line if it fits at 70% of `size`, else the largest size at which
    it wraps into `max_lines`, else `min_size` with an ellipsis where it had to stop."""
    for allowed in range(1, max_lines + 1):
        floor = min_size if allowed == max_lines else max(min_size, round(size * 0.7))
        for candidate in range(size, floor - 1, -1):
            lines = simpleSplit(text, font, candidate, max_width)
            if len(lines) <= allowed:
                return candidate, lines
    lines = simpleSplit(text, font, min_size, max_width)[:max_lines]
    while lines[-1] and stringWidth(lines[-1] + "…", font, min_size) > max_width:
        lines[-1] = lines[-1][:-1]
    lines[-1] = lines[-1].rstrip() + "…"
    return min_size, lines


def _centered_lines(canvas, text, font, size, min_size, y, max_width, max_lines):
    """Draw `text` centred from baseline `y` down; returns (last baseline, font size)."""
    size, lines = _fit_lines(text, font, size, min_size, max_width, max_lines)
    canvas.setFont(font, size)
    for index, line in enumerate(lines):
        if index:
            y -= size * 1.15
        canvas.drawCentredString(PAGE_WIDTH / 2, y, line)
    return y, size


def _frame(canvas):
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(6)
    canvas.rect(22, 22, PAGE_WIDTH - 44, PAGE_HEIGHT - 44)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1.2)
    canvas.rect(34, 34, PAGE_WIDTH - 68, PAGE_HEIGHT - 68)
    canvas.setFillColor(GOLD)
    for x in (34, PAGE_WIDTH - 34):
        for y in (34, PAGE_HEIGHT - 34):
            canvas.circle(x, y, 4, stroke=0, fill=1)


def _heading(canvas, certificate):
    canvas.setFillColor(NAVY)
    site_name = settings.WAGTAIL_SITE_NAME.upper()
    canvas.setFont("Helvetica-Bold", 13)
    width = stringWidth(site_name, "Helvetica-Bold", 13) + 3 * (len(site_name) - 1)
    canvas.saveState()  # character spacing is graphics state: keep it to this line
    text = canvas.beginText((PAGE_WIDTH - width) / 2, PAGE_HEIGHT - 92)
    text.setCharSpace(3)
    text.textOut(site_name)
    canvas.drawText(text)
    canvas.restoreState()
    canvas.setFont("Times-Bold", 38)
    canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 142, "Certificate of Completion")
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1)
    canvas.line(PAGE_WIDTH / 2 - 120, PAGE_HEIGHT - 160, PAGE_WIDTH / 2 + 120, PAGE_HEIGHT - 160)


def _body(canvas, certificate):
    width = PAGE_WIDTH - 180
    canvas.setFillColor(MUTED)
    canvas.setFont("Times-Italic", 15)
    canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 198, "This certifies that")
    canvas.setFillColor(INK)
    name = certificate.holder_name
    y, size = _centered_lines(canvas, name, "Times-BoldItalic", 42, 18, PAGE_HEIGHT - 250, width, 2)
    y -= 0.4 * size
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.6)
    canvas.line(PAGE_WIDTH / 2 - 200, y, PAGE_WIDTH / 2 + 200, y)
    canvas.setFillColor(MUTED)
    canvas.setFont("Times-Italic", 15)
    canvas.drawCentredString(PAGE_WIDTH / 2, y - 28, "has successfully completed the course")
    canvas.setFillColor(NAVY)
    title = certificate.course_title
    _centered_lines(canvas, title, "Helvetica-Bold", 24, 11, y - 64, width, 3)


def _details(canvas, certificate):
    """Issue date and number bottom left; the QR code and its link bottom right."""
    canvas.setFillColor(MUTED)
    canvas.setFont("Helvetica", 9)
    canvas.drawString(72, 120, "ISSUED")
    canvas.drawString(72, 84, "CERTIFICATE NUMBER")
    canvas.setFillColor(INK)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(72, 104, certificate_date(certificate, certificate.issued_at))
    canvas.setFont("Courier-Bold", 14)
    canvas.drawString(72, 68, certificate.certificate_number)

    right = PAGE_WIDTH - 72
    url = verification_url(certificate)
    widget = QrCodeWidget(url, barLevel="M", barBorder=2, barWidth=QR_SIZE, barHeight=QR_SIZE)
    drawing = Drawing(QR_SIZE, QR_SIZE)
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, right - QR_SIZE, 84)
    canvas.setFillColor(MUTED)
    canvas.setFont("Helvetica", 7)
    canvas.drawRightString(right, 74, "Scan or visit to verify:")
    # Break before the long code so neither line runs past the frame.
    split = url.rfind(certificate.verification_hash)
    canvas.setFont("Courier", 6.5)
    for offset, line in enumerate(filter(None, [url[:split], url[split:]])):
        canvas.drawRightString(right, 64 - offset * 8, line)


def _revoked_mark(canvas, certificate):
    """Unmissable on screen and on paper: a diagonal stamp and the date it took effect."""
    canvas.saveState()
    canvas.setFillColor(REVOKED_RED)
    canvas.setFillAlpha(0.28)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(28)
    canvas.setFont("Helvetica-Bold", 130)
    canvas.drawCentredString(0, -45, "REVOKED")
    canvas.restoreState()
    revoked_on = f"REVOKED on {certificate_date(certificate, certificate.revocation_date)}"
    width = stringWidth(revoked_on, "Helvetica-Bold", 13) + 24
    canvas.setStrokeColor(REVOKED_RED)
    canvas.setLineWidth(1.5)
    canvas.roundRect((PAGE_WIDTH - width) / 2, 92, width, 26, 4, stroke=1, fill=0)
    canvas.setFillColor(REVOKED_RED)
    canvas.setFont("Helvetica-Bold", 13)
    canvas.drawCentredString(PAGE_WIDTH / 2, 101, revoked_on)


def render_certificate(certificate, compress=True, invariant=False):
    """The certificate as PDF bytes. Pure: reads the certificate, writes nothing.
    `compress=False, invariant=True` give a byte-stable file whose text tests can read."""
    buffer = io.BytesIO()
    canvas = pdf_canvas.Canvas(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        pageCompression=1 if compress else 0,
        invariant=1 if invariant else 0,
    )
    canvas.setTitle(f"Certificate {certificate.certificate_number}")
    canvas.setAuthor(settings.WAGTAIL_SITE_NAME)
    canvas.setSubject(f"{certificate.course_title}, completed by {certificate.holder_name}")
    _frame(canvas)
    _heading(canvas, certificate)
    _body(canvas, certificate)
    _details(canvas, certificate)
    if not certificate.is_valid:
        _revoked_mark(canvas, certificate)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def store_certificate_pdf(certificate_id):
    """Render and store the PDF unless the stored one is current. Returns True when a
    new file was stored. The row stays locked while rendering (well under a second), so
    a revocation arriving meanwhile waits and its own task then renders the new state."""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("enrollment__user__preferences")
            .filter(pk=certificate_id)
            .first()
        )
        if certificate is None or certificate.pdf_is_current:
            return False
        old_name = certificate.pdf.name if certificate.pdf else ""
        content = render_certificate(certificate)
        certificate.pdf.save(pdf_filename(certificate), ContentFile(content), save=False)
        new_name = certificate.pdf.name
        storage = certificate.pdf.storage
        if old_name and old_name != new_name:
            transaction.on_commit(lambda: storage.delete(old_name), robust=True)
        try:
            certificate.pdf_state = certificate.state_key
            certificate.save(update_fields=["pdf", "pdf_state"])
        except Exception:
            storage.delete(new_name)
            raise
    return True
