"""The notifications page, the preferences page, the polling JSON for the bell and the
one-click unsubscribe. Every view reads only the signed-in person's own rows, except
unsubscribe, which trusts nothing but its signed token."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import Preferences
from core.pagination import paginate
from core.redirects import same_site_url

from .forms import PreferencesForm
from .grouping import grouped
from .kinds import kinds_for
from .models import Notification
from .queries import unread_count
from .roles import instructs
from .services import mark_all_read, mark_read, mark_read_by_group
from .tokens import DIGEST, BadToken, read_token
from .unsubscribe import apply_unsubscribe, describe

PER_PAGE = 20


def list_url(request):
    return same_site_url(request, request.POST.get("next", ""), reverse("notifications_list"))


@never_cache
@login_required
@require_GET
def notifications_list(request):
    show_unread = request.GET.get("show") == "unread"
    rows = Notification.objects.filter(recipient=request.user).select_related("actor__profile")
    if show_unread:
        rows = rows.filter(read_at__isnull=True)
    notices = []
    page = paginate(rows, request.GET.get("page"), notices, per_page=PER_PAGE)
    context = {
        "page_obj": page,
        "entries": grouped(page.object_list),
        "show_unread": show_unread,
        "notices": notices,
        "query": "show=unread" if show_unread else "",
        "unread": unread_count(request.user.pk),
    }
    return TemplateResponse(request, "community/notifications/list.html", context)


@never_cache
@login_required
@require_GET
def notification_open(request, notification_id):
    """Mark read (with the rest of its group) and go to what it is about."""
    notification = get_object_or_404(Notification, pk=notification_id, recipient=request.user)
    mark_read(request.user, [notification.pk])
    mark_read_by_group(request.user, notification.group_key)
    fallback = reverse("notifications_list")
    return redirect(same_site_url(request, notification.url, fallback))


@login_required
@require_POST
def notification_mark_read(request, notification_id):
    notification = get_object_or_404(Notification, pk=notification_id, recipient=request.user)
    mark_read(request.user, [notification.pk])
    mark_read_by_group(request.user, notification.group_key)
    messages.success(request, "Marked as read.")
    return redirect(list_url(request))


@login_required
@require_POST
def notifications_mark_all_read(request):
    changed = mark_all_read(request.user)
    messages.success(request, f"Marked {changed} notification{'s' if changed != 1 else ''} read.")
    return redirect(list_url(request))


@never_cache
@require_GET
def notifications_unread(request):
    """{"count"} for the bell's polling; 403 JSON for a guest."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": "Log in to see your notifications."}, status=403)
    return JsonResponse({"count": unread_count(request.user.pk)})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def notification_preferences(request):
    user = request.user
    preferences = Preferences.objects.filter(user=user).first()
    email_on = preferences.email_notifications if preferences else True
    form = PreferencesForm(
        request.POST or None, user=user, kinds=kinds_for(instructs(user)), email_on=email_on
    )
    if request.method == "POST":
        if not form.is_valid():
            return TemplateResponse(
                request, "community/notifications/preferences.html", {"form": form}, status=400
            )
        form.save()
        Preferences.objects.update_or_create(
            user=user, defaults={"email_notifications": form.cleaned_data["email_notifications"]}
        )
        messages.success(request, "Your notification settings are saved.")
        return redirect("notification_preferences")
    return TemplateResponse(request, "community/notifications/preferences.html", {"form": form})


@never_cache
@csrf_exempt  # the signed token is the credential; mail clients POST without a session
@require_http_methods(["GET", "POST"])
def notifications_unsubscribe(request, token):
    """GET: confirm page; POST (the form, or a mail client's one-click): unsubscribe."""
    try:
        user_id, kind = read_token(token)
    except BadToken:
        return bad_link(request)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return bad_link(request)
    context = {
        "what": describe(kind),
        "email": user.email,
        "token": token,
        "is_digest": kind == DIGEST,
    }
    if request.method == "POST":
        apply_unsubscribe(user, kind)
        return TemplateResponse(request, "community/notifications/unsubscribed.html", context)
    return TemplateResponse(request, "community/notifications/unsubscribe.html", context)


def bad_link(request):
    message = (
        "This unsubscribe link is broken or has expired. "
        "Change your emails in your notification settings instead."
    )
    return TemplateResponse(
        request, "refusal.html", {"message": message, "status": 400}, status=400
    )
