"""Examiner directory, examiner pages and the gouge write views.

Reads are public and the same for every guest (so shared caches may keep them); writes
need a signed-in applicant, call the services and answer with core.fragments' protocol:
a redirect and a message, or a refusal that shows the form again with what was typed.
"""

from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from accounts.standing import has_verified_email
from core.fragments import fragment_or_redirect, refusal, sign_in_required
from core.redirects import referer_or
from snippets.models.examiner import Certificate

from . import services
from .forms import GougeFlagForm, GougeReportForm
from .listing import (
    DIRECTORY_PAGE_SIZE,
    SORTS,
    DirectoryFilters,
    active_examiners,
    directory_examiners,
    examiner_page_context,
    examiner_regions,
    paginate,
    with_card_figures,
)
from .models import GougeReport, Status

FORM_PAGE = "community/gouge/report_form_page.html"
FLAG_PAGE = "community/gouge/flag_page.html"
NO_SUCH_EXAMINER = "We could not find that examiner. They may no longer be listed."
SUBMITTED = "Thanks! A moderator will look at your report before it is published."
EDITED = (
    "Your changes are saved. A moderator will look at your report again before it is published."
)
INVALID = "Check the highlighted fields and try again."


signed_in = sign_in_required(
    "Log in to share and discuss checkride reports.",
    lambda request, **kwargs: referer_or(request, reverse("examiner_directory")),
)


def listed_examiner(**lookup):
    return active_examiners().select_related("gouge_stats").filter(**lookup).first()


def examiner_url(examiner):
    if examiner.active:
        return reverse("examiner_detail", args=[examiner.slug])
    return reverse("examiner_directory")


@require_safe
def examiner_directory(request):
    regions = examiner_regions()
    filters = DirectoryFilters.from_querydict(request.GET, regions)
    page = paginate(
        directory_examiners(filters), request.GET.get("page"), filters.notices, DIRECTORY_PAGE_SIZE
    )
    page.object_list = with_card_figures(page.object_list)
    context = {
        "filters": filters,
        "examiners": page,
        "regions": regions,
        "certificate_choices": Certificate.choices,
        "sort_choices": [(key, label) for key, (label, _) in SORTS.items()],
        "paginator_query": filters.as_query(),
        "seo_title": "Checkride examiner directory",
        "seo_description": "Find a checkride examiner by name, airport, region and certificate, "
        "and read what applicants say about their checkrides.",
    }
    return TemplateResponse(request, "community/gouge/directory.html", context)


@require_safe
def examiner_detail(request, slug):
    examiner = listed_examiner(slug=slug)
    if examiner is None:
        return refusal(request, NO_SUCH_EXAMINER, status=404)
    context = examiner_page_context(examiner, request.user, request.GET.get("page"))
    return TemplateResponse(request, "community/gouge/examiner_detail.html", context)


def form_refusal(request, form, examiner, message, status, report=None):
    """The form again with the applicant's input and the reason, with `status`."""
    context = {"form": form, "examiner": examiner, "report": report}
    return refusal(request, message, status, page=FORM_PAGE, context=context)


@signed_in
def gouge_submit(request, slug):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    examiner = listed_examiner(slug=slug)
    if examiner is None:
        return refusal(request, NO_SUCH_EXAMINER, status=404)
    if not has_verified_email(request.user):
        return refusal(request, "Confirm your email address before you share a report.", status=403)
    if request.method != "POST":
        form = GougeReportForm(examiner=examiner, user=request.user)
        return TemplateResponse(request, FORM_PAGE, {"form": form, "examiner": examiner})
    form = GougeReportForm(request.POST, examiner=examiner, user=request.user)
    if not form.is_valid():
        return form_refusal(request, form, examiner, INVALID, 400)
    try:
        services.submit_report(request.user, examiner, form.report_fields)
    except services.GougeError as error:
        if error.message == services.DUPLICATE:
            form.add_error("checkride_date", error.message)
        return form_refusal(request, form, examiner, error.message, error.status)
    return fragment_or_redirect(request, None, {}, examiner_url(examiner), SUBMITTED)


@signed_in
def gouge_edit(request, report_id):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    report = services.own_report(request.user, report_id)
    examiner = report.examiner
    if request.method != "POST":
        form = GougeReportForm(instance=report, examiner=examiner, user=request.user)
        context = {"form": form, "examiner": examiner, "report": report}
        return TemplateResponse(request, FORM_PAGE, context)
    form = GougeReportForm(request.POST, instance=report, examiner=examiner, user=request.user)
    if not form.is_valid():
        return form_refusal(request, form, examiner, INVALID, 400, report)
    try:
        services.update_report(request.user, report_id, form.report_fields)
    except services.GougeError as error:
        if error.message == services.DUPLICATE:
            form.add_error("checkride_date", error.message)
        return form_refusal(request, form, examiner, error.message, error.status, report)
    return fragment_or_redirect(request, None, {}, examiner_url(examiner), EDITED)


@require_POST
@signed_in
def gouge_withdraw(request, report_id):
    report = services.withdraw_report(request.user, report_id)
    message = "Your report is withdrawn."
    return fragment_or_redirect(request, None, {}, examiner_url(report.examiner), message)


@require_POST
@signed_in
def gouge_flag(request, report_id):
    form = GougeFlagForm(request.POST)
    if not form.is_valid():
        report = GougeReport.objects.filter(pk=report_id, status=Status.APPROVED).first()
        if report is None:
            return refusal(request, "We could not find that report.", status=404)
        message = form.errors["reason"][0]
        context = {"form": form, "report": report, "examiner": report.examiner}
        return refusal(request, message, 400, page=FLAG_PAGE, context=context)
    flag, created = services.flag_report(request.user, report_id, form.cleaned_data["reason"])
    if created:
        message = "Thanks for telling us. A moderator will look at this report."
    else:
        message = "You already reported a problem with this report; a moderator will look at it."
    examiner = flag.report.examiner
    url = f"{examiner_url(examiner)}#report-{flag.report_id}"
    return fragment_or_redirect(request, None, {}, url, message)
