"""An instructor's public profile and the panels of their admin home."""

from django.conf import settings
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.utils import timezone


class Certificate(models.TextChoices):
    """Instructor certificates and ratings a profile may list (14 CFR 61.183, 61.213)."""

    CFI = "CFI", "CFI (flight instructor)"
    CFII = "CFII", "CFII (instrument instructor)"
    MEI = "MEI", "MEI (multi-engine instructor)"
    CFI_SPORT = "CFI-S", "CFI with sport pilot privileges"
    AGI = "AGI", "AGI (advanced ground instructor)"
    IGI = "IGI", "IGI (instrument ground instructor)"
    BGI = "BGI", "BGI (basic ground instructor)"


# A flight instructor certificate number as printed: the holder's certificate number
# (digits, sometimes letters) followed by "CFI", e.g. 3456789CFI.
CFI_NUMBER = RegexValidator(
    r"^[A-Z0-9]{4,12}CFI$",
    "Enter the certificate number as printed, ending in CFI (for example 3456789CFI).",
)


class InstructorProfile(models.Model):
    """One per instructor: what learners see on their public page and what endorsements
    print under their signature. `cfi_expiration` is the end of the instructor's
    recent-experience period (14 CFR 61.197): flight instructor certificates issued
    since 1 December 2024 carry no expiration date, but the privileges still lapse
    after 24 calendar months without renewal activity."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="instructor_profile"
    )
    display_name = models.CharField(max_length=100, help_text="Name shown to students.")
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=150, blank=True, help_text="e.g. Gold Seal CFI")
    organization = models.CharField(max_length=200, blank=True, help_text="Flight school.")
    bio = models.TextField(max_length=2_000, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    certificates_held = models.JSONField(
        default=list, blank=True, help_text="Codes from Certificate, in the order shown."
    )
    years_experience = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(80)]
    )
    cfi_certificate_number = models.CharField(
        "CFI certificate number", max_length=20, blank=True, validators=[CFI_NUMBER]
    )
    cfi_expiration = models.DateField(
        "CFI privileges valid through",
        null=True,
        blank=True,
        help_text="End of your 24-calendar-month recent-experience period (14 CFR 61.197).",
    )
    time_zone = models.CharField(max_length=63, default=settings.TIME_ZONE)
    public_profile = models.BooleanField(
        default=True, help_text="Show a public instructor page linked from your courses."
    )
    created_date = models.DateTimeField(default=timezone.now)
    updated_date = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["display_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(years_experience__lte=80), name="instructors_valid_experience"
            )
        ]

    def __str__(self):
        return self.display_name


class DashboardPanel(models.TextChoices):
    """The panels of an instructor's or staff member's Wagtail admin home."""

    COURSES = "courses", "My courses at a glance"
    ATTENTION = "attention", "Students needing attention"
    REVIEWS = "reviews", "Recent reviews"
    PLATFORM = "platform", "Platform figures"


class DashboardPreference(models.Model):
    """Which admin home panels a user sees, in their order (the seed's
    InstructorDashboard). No row means every panel the user may see, default order."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dashboard_preference"
    )
    panels = models.JSONField(default=list, help_text="DashboardPanel values, in order.")
    updated_date = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Dashboard of {self.user}"
