"""The moderation queue: reviews waiting for a moderator, approved or rejected in bulk.

Moderators need one screen that shows the whole text of each new review, oldest first,
and acts on many at once; the actions go through the services, which recompute each
affected course's rating once.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.query import as_id

from . import services
from .models import Review

MODERATE_PERMISSION = "reviews.change_review"
PAGE_SIZE = 25
MAX_SELECTED = 500
STATUSES = {
    "pending": ("Awaiting moderation", services.PENDING, ["created_at", "pk"]),
    "rejected": ("Not published", services.REJECTED, ["-moderated_at", "-pk"]),
    "published": ("Published", Q(is_approved=True), ["-moderated_at", "-pk"]),
}
ACTIONS = {"approve": (services.approve, "Approved"), "reject": (services.reject, "Rejected")}


def can_moderate(user):
    return user.has_perm(MODERATE_PERMISSION)


def chosen_ids(values):
    """The review ids ticked in the form; anything that is not an id is ignored."""
    ids = {as_id(value) for value in values} - {None}
    return sorted(ids)[:MAX_SELECTED]


class ModerationQueueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "community/reviews/admin/moderation_queue.html"
    page_title = "Review moderation"
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            # A real 403 (Wagtail would turn PermissionDenied into a redirect home).
            context = WagtailAdminTemplateMixin.get_context_data(self, forbidden=True)
            return self.render_to_response(context, status=403)
        self.status = request.GET.get("status", "pending")
        if self.status not in STATUSES:
            self.status = "pending"
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        label, condition, ordering = STATUSES[self.status]
        reviews = (
            Review.objects.filter(condition)
            .select_related("course", "user__profile")
            .order_by(*ordering)
        )
        page = Paginator(reviews, PAGE_SIZE).get_page(self.request.GET.get("p"))
        context.update(
            reviews=page,
            status=self.status,
            status_label=label,
            statuses=[(key, spec[0]) for key, spec in STATUSES.items()],
        )
        return context

    def post(self, request, *args, **kwargs):
        action = ACTIONS.get(request.POST.get("action", ""))
        ids = chosen_ids(request.POST.getlist("review"))
        if action is None:
            messages.error(request, "Choose Approve selected or Reject selected.")
        elif not ids:
            messages.warning(request, "Select at least one review first.")
        else:
            operation, verb = action
            changed = operation(ids, request.user)
            unchanged = len(ids) - changed
            note = f" ({unchanged} already had that status)" if unchanged else ""
            messages.success(
                request, f"{verb} {changed} review{'s' if changed != 1 else ''}{note}."
            )
        return redirect(request.get_full_path())
