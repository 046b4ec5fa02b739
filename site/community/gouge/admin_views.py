"""The gouge moderation queue: reports by status, flagged ones first, decided in bulk.

A moderator must judge a report on its full text, the flags others raised and the
author's track record, so each row shows all three; the page costs the same number of
queries whatever the queue holds. Decisions go through services.moderate (one call per
action), which emails the authors and recomputes the examiners' numbers.
"""

from collections import defaultdict

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import BooleanField, Case, Count, Exists, OuterRef, Prefetch, Q, When
from django.shortcuts import redirect
from django.views.generic import TemplateView

from core.admin_titles import TitledAdminView
from core.query import as_id

from . import services
from .models import GougeFlag, GougeReport, Status

MODERATE_PERMISSION = "gouge.change_gougereport"
PAGE_SIZE = 25
MAX_SELECTED = 500
NOTE_MAX_LENGTH = 2_000

OPEN_FLAGS = Q(flags__resolved=False)
HAS_OPEN_FLAG = Exists(GougeFlag.objects.filter(report=OuterRef("pk"), resolved=False))
TABS = {
    "pending": ("Pending", Q(status=Status.PENDING)),
    "flagged": ("Flagged", Q(HAS_OPEN_FLAG, status=Status.APPROVED)),
    "rejected": ("Rejected", Q(status=Status.REJECTED)),
    "published": ("Published", Q(status=Status.APPROVED)),
}
ACTIONS = {"approve": (True, "Approved"), "reject": (False, "Rejected")}


def can_moderate(user):
    return user.has_perm(MODERATE_PERMISSION)


def chosen_ids(values):
    """The report ids ticked in the form; anything that is not an id is ignored."""
    ids = {as_id(value) for value in values} - {None}
    return sorted(ids)[:MAX_SELECTED]


def queue(condition):
    """Reports matching `condition`, flagged first then oldest first, with what each row
    shows fetched up front (examiner, author, flag counts, the flags themselves)."""
    flags = GougeFlag.objects.select_related("user").order_by("resolved", "created_at", "pk")
    return (
        GougeReport.objects.filter(condition)
        .select_related("examiner", "author__profile")
        .annotate(
            flag_count=Count("flags"),
            open_flag_count=Count("flags", filter=OPEN_FLAGS),
            flagged=Case(
                When(open_flag_count__gt=0, then=True), default=False, output_field=BooleanField()
            ),
        )
        .prefetch_related(Prefetch("flags", queryset=flags))
        .order_by("-flagged", "created_at", "pk")
    )


def attach_author_history(reports):
    """Each report's author's counts of approved, rejected and pending reports, from one
    grouped query for all the page's authors."""
    counts = defaultdict(dict)
    rows = (
        GougeReport.objects.filter(author_id__in={report.author_id for report in reports})
        .order_by()
        .values_list("author_id", "status")
        .annotate(n=Count("pk"))
    )
    for author_id, status, n in rows:
        counts[author_id][status] = n
    for report in reports:
        history = counts[report.author_id]
        report.author_history = [
            (label, history.get(status, 0))
            for status, label in [
                (Status.APPROVED, "approved"),
                (Status.REJECTED, "rejected"),
                (Status.PENDING, "pending"),
            ]
        ]


def tab_counts():
    """How many reports each tab holds, in one query."""
    return GougeReport.objects.aggregate(
        **{key: Count("pk", filter=condition) for key, (_, condition) in TABS.items()}
    )


class GougeModerationView(TitledAdminView, TemplateView):
    template_name = "community/gouge/admin/moderation_queue.html"
    page_title = "Gouge moderation"
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            # A real 403 (Wagtail would turn PermissionDenied into a redirect home).
            context = TitledAdminView.get_context_data(self, forbidden=True)
            return self.render_to_response(context, status=403)
        self.tab = request.GET.get("status", "pending")
        if self.tab not in TABS:
            self.tab = "pending"
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        label, condition = TABS[self.tab]
        page = Paginator(queue(condition), PAGE_SIZE).get_page(self.request.GET.get("p"))
        attach_author_history(page.object_list)
        counts = tab_counts()
        context.update(
            reports=page,
            status=self.tab,
            status_label=label,
            tabs=[(key, spec[0], counts[key]) for key, spec in TABS.items()],
            selected=set(),
            note="",
        )
        context.update(kwargs)
        return context

    def post(self, request, *args, **kwargs):
        action = ACTIONS.get(request.POST.get("action", ""))
        ids = chosen_ids(request.POST.getlist("report"))
        note = request.POST.get("note", "").strip()
        error = None
        if action is None:
            error = "Choose Approve selected or Reject selected."
        elif not ids:
            error = "Select at least one report first."
        elif not action[0] and not note:
            error = "Give a reason when you reject reports: the authors read it in their email."
        elif len(note) > NOTE_MAX_LENGTH:
            error = f"Keep the note under {NOTE_MAX_LENGTH:,} characters."
        if error:
            context = self.get_context_data(selected=set(ids), note=note, form_error=error)
            return self.render_to_response(context, status=400)
        approve, verb = action
        changed = services.moderate(ids, request.user, approve=approve, note=note)
        unchanged = len(ids) - changed
        already = f" ({unchanged} already had that status or no longer exist)" if unchanged else ""
        plural = "s" if changed != 1 else ""
        messages.success(request, f"{verb} {changed} report{plural}{already}.")
        return redirect(request.get_full_path())
