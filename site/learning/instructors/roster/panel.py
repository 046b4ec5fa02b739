"""The "Students needing attention" panel of the Wagtail admin home.

The analytics part owns the admin home (its construct_homescreen_panels hook) and adds
this component for instructors; the rows come from risk.needing_attention, so the panel
flags exactly who the roster flags. Someone who manages no course's students gets
nothing at all (an empty string), not an empty panel.
"""

from django.urls import reverse

from wagtail.admin.ui.components import Component

from learning.courses.teaching import MANAGE_STUDENTS, holds_right

from . import risk


class StudentsNeedingAttentionPanel(Component):
    name = "attention"
    order = 120
    template_name = "learning/instructors/roster/panel.html"

    def __init__(self, user):
        self.user = user

    def teaches(self):
        return holds_right(self.user, MANAGE_STUDENTS)

    def render_html(self, parent_context=None):
        if not self.teaches():
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        rows = risk.needing_attention(self.user)
        for row in rows:
            row.url = reverse("instructors_student", args=[row.learner.pk])
        return {
            "rows": rows,
            "limit": risk.ATTENTION_LIMIT,
            "inactive_days": risk.inactive_after().days,
            "rosters_url": reverse("instructors_rosters"),
        }
