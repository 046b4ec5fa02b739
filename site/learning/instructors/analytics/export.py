"""The course analytics page as CSV, for the same date range: one row per figure
(section, item, figure, value), so a spreadsheet can filter by section. Lesson, module
and question texts are editors' input, so every cell goes through guard_formula."""

import csv
import io

from django.http import HttpResponse
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from core.csv import guard_formula

from .forms import DateRangeForm
from .report import CourseReport
from .views import analysed_course


def report_rows(report, days, questions):
    yield ("Summary", "Course", "Enrolled (active or completed)", report.enrolled)
    yield ("Summary", "Course", "Lesson time (seconds)", report.total_seconds)
    for row in days:
        yield ("Enrollments", row.day.isoformat(), "New enrollments", row.new)
        yield ("Enrollments", row.day.isoformat(), "Enrolled (nightly)", blank(row.total))
    for stage in report.modules:
        yield ("Module funnel", stage.title, "Started", stage.started)
        yield ("Module funnel", stage.title, "Completed", stage.completed)
        yield ("Module funnel", stage.title, "Time (seconds)", stage.seconds)
    for stage in report.lessons:
        yield ("Lesson drop-off", stage.title, "Reached", stage.started)
        yield ("Lesson drop-off", stage.title, "Completed", stage.completed)
    for stat in questions:
        item = f"{stat.question.assessment.title}: {strip_tags(stat.question.text)[:200]}"
        yield ("Quiz items", item, "Graded answers", stat.drawn)
        yield ("Quiz items", item, "Percent correct", blank(stat.percent_correct))


def blank(value):
    return "" if value is None else value


@require_safe
def course_analytics_csv(request, course_id):
    course = analysed_course(request.user, course_id)
    form = DateRangeForm(request.GET)
    if not form.is_valid():
        errors = " ".join(message for errors in form.errors.values() for message in errors)
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    report = CourseReport(course, start, end)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Section", "Item", "Figure", "Value"])
    for row in report_rows(report, report.days(), report.question_stats()):
        writer.writerow([guard_formula(cell) for cell in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    name = f"{slugify(course.title) or 'course'}-analytics-{start}-{end}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
