"""The admin home banner that tells an instructor their CFI privileges are about to
lapse (within 60 days) or have lapsed: the date is theirs to keep current, and an
endorsement signed after it would not be valid."""

from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component

from ..models import InstructorProfile
from . import recency


class CfiRecencyPanel(Component):
    name = "cfi_recency"
    order = 5  # above every other panel: it asks the instructor to act
    template_name = "learning/instructors/profiles/recency_panel.html"

    def __init__(self, valid_through, today):
        self.valid_through = valid_through
        self.days_left = recency.days_left(valid_through, today)

    def get_context_data(self, parent_context=None):
        return {
            "valid_through": self.valid_through,
            "days_left": self.days_left,
            "days_ago": -self.days_left,
            "lapsed": self.days_left < 0,
            "profile_url": reverse("instructors_my_profile"),
        }


def add_recency_panel(request, panels):
    """construct_homepage_panels hook: one query, only for a user with a profile."""
    valid_through = (
        InstructorProfile.objects.filter(user_id=request.user.pk)
        .values_list("cfi_expiration", flat=True)
        .first()
    )
    today = timezone.localdate()
    if recency.needs_warning(valid_through, today):
        panels.append(CfiRecencyPanel(valid_through, today))
