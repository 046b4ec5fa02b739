"""The moderators' queue of reported chat messages, in the Wagtail admin.

A moderator judges a message on its full text, every earlier version of it (edits are
kept for this), who sent it where and why it was reported; each row shows all of it,
and the page costs the same number of queries however long the queue is. Decisions go
through services.moderate, one report at a time.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.views.generic import TemplateView

from core.admin_titles import TitledAdminView
from core.query import as_id

from . import services
from .models import MessageEdit, MessageReport

PAGE_SIZE = 25
DONE = {"dismiss": "Report dismissed.", "remove": "Message removed."}


def open_reports():
    """Open reports, oldest first, with everything a row shows fetched up front."""
    return (
        MessageReport.objects.filter(status=MessageReport.Status.OPEN)
        .select_related("reporter__profile", "message__sender__profile", "message__conversation")
        .prefetch_related(
            Prefetch("message__edits", queryset=MessageEdit.objects.order_by("edited_at", "id"))
        )
        .order_by("created_at", "id")
    )


class ReportedMessagesView(TitledAdminView, TemplateView):
    template_name = "community/chat/admin/reported_messages.html"
    page_title = "Reported messages"
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not services.can_moderate(request.user):
            # A real 403 (Wagtail would turn PermissionDenied into a redirect home).
            context = TitledAdminView.get_context_data(self, forbidden=True)
            return self.render_to_response(context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["reports"] = Paginator(open_reports(), PAGE_SIZE).get_page(
            self.request.GET.get("p")
        )
        context.update(kwargs)
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action", "")
        report_id = as_id(request.POST.get("report", ""))
        report = MessageReport.objects.filter(pk=report_id).first() if report_id else None
        if report is None or action not in DONE:
            error = (
                "That report no longer exists."
                if action in DONE
                else "Choose Dismiss or Remove message."
            )
            return self.render_to_response(self.get_context_data(form_error=error), status=400)
        services.moderate(report, request.user, action)
        messages.success(request, DONE[action])
        return redirect(request.get_full_path())
