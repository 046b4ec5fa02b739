"""The roster as CSV: the same filtered, sorted rows as the page (every page of them),
for a flight school's own records. Names and emails are user input, so every cell goes
through core.csv.guard_formula before a spreadsheet can run it as a formula."""

import csv
import io
from datetime import UTC

from django.http import HttpResponse
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from core.csv import guard_formula

from . import access
from .views import RosterFilters, roster_rows

HEADINGS = [
    "Learner",
    "Email",
    "Status",
    "Progress (%)",
    "Last activity (UTC)",
    "Quizzes taken",
    "Quiz average of best (%)",
    "Quiz attempts",
    "Failed attempts",
    "Flashcard retention (%)",
    "Mock orals done",
    "Last mock oral score (%)",
    "Mock oral satisfactory (%)",
    "At risk",
]


def blank(value):
    return "" if value is None else value


def row_cells(row, areas):
    quizzes, orals = row.quizzes, row.orals or {}
    readiness = {area.pk: value for area, value in row.readiness or []}
    activity = row.last_activity
    cells = [
        row.name,
        row.learner.email,
        row.enrollment.get_status_display(),
        row.progress,
        activity.astimezone(UTC).strftime("%Y-%m-%d %H:%M") if activity else "",
        quizzes["taken"],
        blank(quizzes["average_best"]),
        quizzes["attempts"],
        quizzes["failed"],
        blank(row.retention),
        blank(orals.get("done")),
        blank(orals.get("last_score")),
        blank(orals.get("satisfactory_share")),
        "; ".join(row.flag_labels),
    ]
    cells += [blank(readiness.get(area.pk)) for area in areas]
    return [guard_formula(cell) for cell in cells]


@require_safe
def roster_csv(request, course_id):
    course = access.managed_course(request.user, course_id)
    filters = RosterFilters.read(request.GET)
    rows = roster_rows(course, filters)
    areas = rows[0].standard.area_list if rows and rows[0].standard else []
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADINGS + [f"ACS {area.code} readiness (%)" for area in areas])
    for row in rows:
        writer.writerow(row_cells(row, areas))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"roster-{slugify(course.title) or course.pk}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
