"""A certificate of completion, issued once per enrollment and verifiable by anyone."""

import hashlib
import secrets

from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.storage import private_storage

TEMPLATE_VERSION = "1"
# Crockford's base32 without I, L, O, U: readable aloud and never mistaken for digits.
NUMBER_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_certificate_number(year=None):
    """GS-2026-7KQ2-M9XD: a year and eight random characters (40 bits)."""
    year = year or timezone.now().year
    code = "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(8))
    return f"GS-{year}-{code[:4]}-{code[4:]}"


def new_verification_hash():
    """64 hex characters from 256 random bits: the public link, never guessable."""
    return hashlib.sha256(secrets.token_bytes(32)).hexdigest()


def certificate_upload_to(certificate, filename):
    """A random file name, unrelated to the public verification hash, so knowing the
    verification link does not give the PDF (which is for its holder)."""
    return f"certificates/{secrets.token_hex(16)}.pdf"


class Certificate(models.Model):
    """The holder's name and the course title are kept as they were on the day of issue,
    so a later rename of either does not change what the certificate says."""

    # Goes with the learner's account when they delete it (their enrollments go too).
    enrollment = models.OneToOneField(
        "enrollments.Enrollment", on_delete=models.CASCADE, related_name="certificate"
    )
    certificate_number = models.CharField(max_length=32, unique=True, editable=False)
    verification_hash = models.CharField(max_length=64, unique=True, editable=False)
    holder_name = models.CharField(max_length=160)
    course_title = models.CharField(max_length=255)
    issued_at = models.DateTimeField(default=timezone.now)
    is_valid = models.BooleanField(default=True)
    revocation_date = models.DateTimeField(null=True, blank=True)
    revocation_reason = models.TextField(blank=True)
    template_version = models.CharField(max_length=10, default=TEMPLATE_VERSION)
    # Private storage: never under MEDIA_ROOT, handed out only by the holder's download view.
    pdf = models.FileField(
        upload_to=certificate_upload_to, storage=private_storage, blank=True, editable=False
    )
    pdf_state = models.CharField(
        max_length=64, blank=True, editable=False, help_text="The state the stored PDF shows."
    )

    class Meta:
        ordering = ["-issued_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_valid=True) | models.Q(revocation_date__isnull=False),
                name="enrollments_revoked_certificate_has_date",
            )
        ]

    def __str__(self):
        return f"{self.certificate_number} ({self.holder_name}, {self.course_title})"

    def save(self, *args, **kwargs):
        if not self.certificate_number:
            self.certificate_number = new_certificate_number()
        if not self.verification_hash:
            self.verification_hash = new_verification_hash()
        super().save(*args, **kwargs)

    @property
    def state_key(self):
        """What the PDF must show; a stored PDF with another key is stale."""
        status = "valid" if self.is_valid else f"revoked-{self.revocation_date:%Y%m%d%H%M%S}"
        return f"v{self.template_version}-{status}"

    @property
    def pdf_is_current(self):
        return bool(self.pdf) and self.pdf_state == self.state_key

    def get_verification_path(self):
        return reverse("certificate_verify", args=[self.verification_hash])
