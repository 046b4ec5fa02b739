"""The roster in the Wagtail admin: "My students" (the courses whose students the viewer
manages) and one course's roster with its CSV.

Only MANAGE_STUDENTS on the course opens a roster (superusers: every course); anyone
else gets a 404, not a redirect, so course ids cannot be probed. Rows are the current
enrollments whose learners share their records; the others are counted, never named.
Filters and sorting come from the query string and are read leniently (an unknown
value is ignored with a notice, never an error).
"""

import dataclasses
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse
from django.views.generic import TemplateView

from core.admin_titles import TitledAdminView
from core.pagination import paginate
from core.query import LenientFilters, search_text
from learning.enrollments.models import Enrollment
from learning.enrollments.sharing import CURRENT, shared

from . import access, risk
from .rows import DEFAULT_SORT, RISK_FILTERS, SORTS, build_rows, filter_risk, sort_rows

PAGE_SIZE = 50
STATUSES = {Enrollment.Status.ACTIVE: "Active", Enrollment.Status.COMPLETED: "Completed"}
SORT_LABELS = {
    "name": "Learner",
    "risk": "At risk",
    "progress": "Progress",
    "activity": "Last activity",
    "quiz": "Quiz average",
    "failed": "Failed attempts",
    "readiness": "ACS readiness",
    "retention": "Retention",
    "orals": "Mock orals",
}


@dataclasses.dataclass
class RosterFilters(LenientFilters):
    query: str = ""
    status: str = ""
    risk: str = ""
    sort: str = DEFAULT_SORT

    @classmethod
    def read(cls, params):
        filters = cls()
        filters.query = search_text(params, "q")
        filters.status = filters.choice(params, "status", STATUSES, "status")
        filters.risk = filters.choice(params, "risk", RISK_FILTERS, "risk filter")
        sorts = [*SORTS, *(f"-{name}" for name in SORTS)]
        filters.sort = filters.choice(params, "sort", sorts, "sort order", DEFAULT_SORT)
        return filters

    def params(self, **changes):
        values = {"q": self.query, "status": self.status, "risk": self.risk, "sort": self.sort}
        values.update(changes)
        return {key: value for key, value in values.items() if value}


def roster_rows(course, filters):
    enrollments = access.roster_enrollments(course, query=filters.query, status=filters.status)
    rows = filter_risk(build_rows(enrollments), filters.risk)
    return sort_rows(rows, filters.sort)


class RosterIndexView(TitledAdminView, TemplateView):
    template_name = "learning/instructors/roster/index.html"
    page_title = "My students"
    header_icon = "group"

    def get_context_data(self, **kwargs):
        courses = access.managed_courses(self.request.user).order_by("title")
        current = Enrollment.objects.filter(course__in=courses.values("pk"), status__in=CURRENT)
        sharing = dict(shared(current).values_list("course_id").annotate(n=Count("pk")).order_by())
        rows = [
            {
                "course": course,
                "sharing": sharing.get(course.pk, 0),
                "url": reverse("instructors_roster", args=[course.pk]),
            }
            for course in courses.only("id", "title")
        ]
        return super().get_context_data(courses=rows, **kwargs)


class RosterView(TitledAdminView, TemplateView):
    template_name = "learning/instructors/roster/roster.html"
    header_icon = "group"
    parent_crumb = ("instructors_rosters", "My students")

    def dispatch(self, request, *args, course_id, **kwargs):
        self.course = access.managed_course(request.user, course_id)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Roster: {self.course.title}"

    def get_context_data(self, **kwargs):
        filters = RosterFilters.read(self.request.GET)
        rows = roster_rows(self.course, filters)
        page = paginate(rows, self.request.GET.get("page"), filters.notices, PAGE_SIZE)
        standard = page.object_list[0].standard if page.object_list else None
        return super().get_context_data(
            course=self.course,
            filters=filters,
            page=page,
            rows=page.object_list,
            standard=standard,
            private_count=access.private_count(self.course),
            statuses=STATUSES,
            risks={"any": "Any flag", risk.INACTIVE: "Inactive", risk.FAILING: "Failing a quiz"},
            sort_links=sort_links(filters),
            csv_url=reverse("instructors_roster_csv", args=[self.course.pk]),
            inactive_days=risk.inactive_after().days,
            **kwargs,
        )


def sort_links(filters):
    """{column: (query string, aria-sort value or "")}: a click sorts ascending, a second
    click on the same column descending."""
    links = {}
    for name in SORTS:
        current = filters.sort.lstrip("-") == name
        descending = filters.sort.startswith("-")
        target = f"-{name}" if current and not descending else name
        state = ("descending" if descending else "ascending") if current else ""
        links[name] = ("?" + urlencode(filters.params(sort=target)), state, SORT_LABELS[name])
    return links
