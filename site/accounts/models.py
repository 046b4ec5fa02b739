"""Who a person is on Groundschool: the login (User), how they appear (Profile),
and how the site should behave for them (Preferences)."""

import datetime
import re
import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from .managers import UserManager, normalize_email_address

AVATAR_MAX_BYTES = 2 * 1024 * 1024


class User(AbstractUser):
    """A login identified by email address alone; the address is unique ignoring case."""

    username = None
    email = models.EmailField("email address", unique=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.email

    def clean(self):
        super().clean()
        self.email = normalize_email_address(self.email)

    def save(self, *args, **kwargs):
        self.email = normalize_email_address(self.email)
        super().save(*args, **kwargs)

    @property
    def display_name(self):
        """The name shown in the header and to other learners; never the full address."""
        profile = getattr(self, "profile", None)
        if profile and profile.display_name:
            return profile.display_name
        full_name = self.get_full_name()
        return full_name or self.email.split("@", 1)[0]


def user_display(user):
    """How allauth names a user in its pages and emails (ACCOUNT_USER_DISPLAY)."""
    return user.display_name


def validate_avatar_size(file):
    if file.size > AVATAR_MAX_BYTES:
        raise ValidationError("The picture is larger than 2 MB; please choose a smaller one.")


def validate_birth_date(value):
    if value > timezone.localdate():
        raise ValidationError("The birth date cannot be in the future.")
    if value < datetime.date(1900, 1, 1):
        raise ValidationError("Please enter a birth date after 1900.")


class CertificateGrade(models.TextChoices):
    """Certificates and ratings of the people who review teaching content."""

    CFI = "CFI", "Flight instructor (CFI)"
    CFII = "CFII", "Flight instructor, instrument (CFII)"
    MEI = "MEI", "Flight instructor, multiengine (MEI)"
    AGI = "AGI", "Advanced ground instructor (AGI)"
    IGI = "IGI", "Instrument ground instructor (IGI)"
    ATP = "ATP", "Airline transport pilot (ATP)"


def validate_certificate_number(value):
    """FAA airman certificate numbers are 5 to 10 letters and digits, e.g. 3456789."""
    if not re.fullmatch(r"[A-Za-z0-9]{5,10}", value):
        raise ValidationError("Enter the certificate number as printed: 5 to 10 letters or digits.")


class Profile(models.Model):
    """What other people see of a learner or instructor."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="profile"
    )
    display_name = models.CharField(max_length=80, blank=True)
    bio = models.TextField(max_length=2000, blank=True)
    location = models.CharField(max_length=120, blank=True, help_text="City, airport or region.")
    avatar = models.ImageField(
        upload_to="avatars/%Y/%m/",
        blank=True,
        validators=[
            FileExtensionValidator(["jpg", "jpeg", "png", "webp", "gif"]),
            validate_avatar_size,
        ],
    )
    birth_date = models.DateField(null=True, blank=True, validators=[validate_birth_date])
    faa_certificate_grade = models.CharField(
        "FAA certificate",
        max_length=8,
        choices=CertificateGrade.choices,
        blank=True,
        help_text="Shown beside content you review, e.g. CFI.",
    )
    faa_certificate_number = models.CharField(
        "FAA certificate number",
        max_length=10,
        blank=True,
        validators=[validate_certificate_number],
        help_text="As printed on your certificate; shown beside content you review.",
    )

    def __str__(self):
        return self.display_name or str(self.user)


def validate_timezone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError("%(value)s is not a known time zone.", params={"value": value})


class Preferences(models.Model):
    """Per-user settings other features read: timezone for dates, email opt-ins, theme."""

    class Theme(models.TextChoices):
        SYSTEM = "system", "Match my device"
        LIGHT = "light", "Light"
        DARK = "dark", "Dark"

    class ReminderFrequency(models.TextChoices):
        NEVER = "never", "Never"
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="preferences",
    )
    timezone = models.CharField(max_length=64, default="UTC", validators=[validate_timezone])
    language = models.CharField(max_length=16, choices=settings.LANGUAGES, default="en-us")
    theme = models.CharField(max_length=10, choices=Theme.choices, default=Theme.SYSTEM)
    email_notifications = models.BooleanField(
        default=True, help_text="Send me emails about replies, approvals and course updates."
    )
    study_reminder_frequency = models.CharField(
        max_length=10, choices=ReminderFrequency.choices, default=ReminderFrequency.WEEKLY
    )
    show_progress_to_instructors = models.BooleanField(
        default=True, help_text="Let the instructors of my courses see my progress."
    )

    class Meta:
        verbose_name_plural = "preferences"

    def __str__(self):
        return f"Preferences for {self.user}"

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.timezone)


class Subscription(models.Model):
    """A learner's plan. Premium access needs an active subscription whose end date,
    if any, has not passed; payments (a later issue) fill the payment fields."""

    class Tier(models.TextChoices):
        REGISTERED = "registered", "Registered (free)"
        PREMIUM = "premium", "Premium"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        PAST_DUE = "past_due", "Past due"
        CANCELED = "canceled", "Canceled"
        EXPIRED = "expired", "Expired"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscription"
    )
    tier = models.CharField(max_length=16, choices=Tier.choices, default=Tier.REGISTERED)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ACTIVE)
    start_date = models.DateTimeField(default=timezone.now)
    end_date = models.DateTimeField(
        null=True, blank=True, help_text="Leave empty for a subscription that does not end."
    )
    auto_renew = models.BooleanField(default=False)
    payment_method = models.CharField(max_length=40, blank=True)
    payment_id = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gt=models.F("start_date")),
                name="accounts_subscription_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.get_tier_display()} for {self.user} ({self.get_status_display()})"

    def clean(self):
        """Report the ends-after-start constraint on the end date, before the database
        would reject the row (forms then show it beside the field, not as a 500)."""
        super().clean()
        if self.start_date and self.end_date and self.end_date <= self.start_date:
            raise ValidationError({"end_date": "The end date must be after the start date."})

    def grants_premium(self, at=None):
        at = at or timezone.now()
        return (
            self.tier == self.Tier.PREMIUM
            and self.status == self.Status.ACTIVE
            and self.start_date <= at
            and (self.end_date is None or self.end_date > at)
        )
