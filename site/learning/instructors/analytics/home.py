"""The instructor tools' panels on the Wagtail admin home, and who sees which.

- "My courses at a glance" and "Recent reviews": anyone teaching a course (an active
  CourseInstructor row, or a superuser). Figures of a course appear only where the
  user holds VIEW_ANALYTICS on it; the roster link only with MANAGE_STUDENTS.
- "Students needing attention": the roster part's panel (roster.panel), for whoever
  manages a course's students.
- "Platform figures": superusers, or whoever holds instructors.view_platformsnapshot.
A marketer or moderator teaches nothing and so sees none of these.

DashboardPreference (no row: every panel the user may see, in the default order) picks
which panels show and their order; entitlement always wins over preference.
"""

from django.db.models import Count, Q
from django.urls import reverse

from wagtail.admin.ui.components import Component

from community.reviews.models import Review
from learning.courses.teaching import (
    MANAGE_STUDENTS,
    VIEW_ANALYTICS,
    credited_courses,
    holds_right,
)
from learning.enrollments.sharing import CURRENT

from ..models import CourseSnapshot, DashboardPanel, DashboardPreference, PlatformSnapshot
from ..roster.panel import StudentsNeedingAttentionPanel
from .charts import bar_chart

COURSES_SHOWN = 12
REVIEWS_SHOWN = 5
PLATFORM_DAYS = 14
FIRST_ORDER = 50  # before Wagtail's own panels (its first is 100)


def may_see_platform(user):
    return user.is_active and (
        user.is_superuser or user.has_perm("instructors.view_platformsnapshot")
    )


def entitled_panels(user):
    """The DashboardPanel values `user` may see, in the default order."""
    found = []
    if holds_right(user):
        found += [DashboardPanel.COURSES, DashboardPanel.ATTENTION, DashboardPanel.REVIEWS]
    if may_see_platform(user):
        found.append(DashboardPanel.PLATFORM)
    return [DashboardPanel(value) for value in found]


def chosen_panels(user, entitled=None):
    """The panels to show, in the user's order: their preference within what they may see."""
    entitled = entitled_panels(user) if entitled is None else entitled
    preference = DashboardPreference.objects.filter(user=user).first()
    if preference is None:
        return entitled
    return [DashboardPanel(v) for v in preference.panels if v in set(entitled)]


class CoursesPanel(Component):
    name = DashboardPanel.COURSES.value
    template_name = "learning/instructors/analytics/panels/courses.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        courses = list(
            credited_courses(self.user)
            .annotate(
                live_enrollments=Count("enrollments", filter=Q(enrollments__status__in=CURRENT))
            )
            .order_by("-live_enrollments", "title")[: COURSES_SHOWN + 1]
        )
        more = len(courses) > COURSES_SHOWN
        courses = courses[:COURSES_SHOWN]
        ids = [course.pk for course in courses]
        analytics = set(
            credited_courses(self.user, VIEW_ANALYTICS)
            .filter(pk__in=ids)
            .values_list("pk", flat=True)
        )
        manages = set(
            credited_courses(self.user, MANAGE_STUDENTS)
            .filter(pk__in=ids)
            .values_list("pk", flat=True)
        )
        latest = {}
        for snap in CourseSnapshot.objects.filter(course_id__in=analytics).order_by(
            "course", "-day"
        ):
            latest.setdefault(snap.course_id, snap)
        for course in courses:
            course.snapshot = latest.get(course.pk) if course.pk in analytics else None
            course.may_analyse = course.pk in analytics
            if course.may_analyse:
                course.analytics_url = reverse("instructors_course_analytics", args=[course.pk])
            if course.pk in manages:
                course.roster_url = reverse("instructors_roster", args=[course.pk])
        shown = [c for c in courses if c.may_analyse]
        chart = bar_chart(
            "courses-enrollments",
            "Current enrollments per course",
            [(course.title, course.live_enrollments) for course in shown],
        )
        return {"courses": courses, "more": more, "chart": chart}


class ReviewsPanel(Component):
    name = DashboardPanel.REVIEWS.value
    template_name = "learning/instructors/analytics/panels/reviews.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        reviews = (
            Review.objects.filter(is_approved=True, course__in=credited_courses(self.user))
            .select_related("course", "user")
            .order_by("-created_at", "-pk")[:REVIEWS_SHOWN]
        )
        return {"reviews": reviews}


class PlatformPanel(Component):
    name = DashboardPanel.PLATFORM.value
    template_name = "learning/instructors/analytics/panels/platform.html"

    def get_context_data(self, parent_context=None):
        days = list(PlatformSnapshot.objects.order_by("-day")[:PLATFORM_DAYS])[::-1]
        chart = bar_chart(
            "platform-active",
            "Active learners (7 days) per day",
            [(f"{snap.day:%b} {snap.day.day}", snap.active_learners) for snap in days],
        )
        return {"days": days, "latest": days[-1] if days else None, "chart": chart}


PANEL_CLASSES = {
    DashboardPanel.COURSES: CoursesPanel,
    DashboardPanel.ATTENTION: StudentsNeedingAttentionPanel,
    DashboardPanel.REVIEWS: ReviewsPanel,
    DashboardPanel.PLATFORM: lambda user: PlatformPanel(),
}


def home_panels(user):
    """The Component instances for `user`'s admin home, ordered as they chose."""
    panels = []
    for position, value in enumerate(chosen_panels(user)):
        panel = PANEL_CLASSES[value](user)
        panel.order = FIRST_ORDER + position
        panels.append(panel)
    return panels
