"""The chat pages: conversation list, new conversation, thread, sending and updates.

Every view works as a plain form with a redirect (no JavaScript needed). chat.js posts
the same forms with `Accept: application/json` and gets JSON back: the rendered message
to append, or `{"error": {"message": ...}}` with the refusal's status. Every per-user
lookup goes through participant_or_404, so another person's conversation or message id
is a 404, never a hint that it exists. The per-message and per-person actions (edit,
delete, report, block, mute, leave) live in actions.py.
"""

from datetime import UTC
from functools import wraps

from django.db import transaction
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.standing import learner_required
from core.fragments import refusal
from core.media import file_response
from core.query import as_id, search_text
from learning.courses.models import CourseInstructor, CoursePage

from . import attachments, services
from .forms import MessageForm, NewConversationForm
from .models import Message
from .pages import contact_choices, conversation_title, thread_context, with_profiles
from .queries import (
    blocked_by,
    conversations_for,
    participant_or_404,
    read_positions,
    thread_messages,
)

PAGE_SIZE = 30
UPDATE_LIMIT = 100
CHECK_FORM = "Check the message and try again."


def back_to_thread(request, conversation_id=None, **kwargs):
    if conversation_id is None:
        return reverse("chat_inbox")
    return reverse("chat_thread", args=[conversation_id])


chat_view = learner_required("Log in to read and send messages.", back_to_thread)


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "") or (
        request.headers.get("X-Requested-With") == "fetch"
    )


def json_error(message, status):
    return JsonResponse({"error": {"message": message, "status": status}}, status=status)


def answers_chat_refusals(view):
    """A ChatRefused or Http404 from a service becomes the refusal page, or the JSON
    error for chat.js, with the refusal's own message and status."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except services.ChatRefused as refused:
            if wants_json(request):
                return json_error(refused.message, refused.status)
            return refusal(request, refused.message, refused.status)
        except Http404:
            if wants_json(request):
                return json_error("We could not find that conversation.", 404)
            raise

    return wrapper


def chat_page(view):
    return chat_view(answers_chat_refusals(view))


@require_safe
@chat_page
def chat_inbox(request):
    q = search_text(request.GET)
    rows = []
    for conversation in conversations_for(request.user, q):
        other = (
            conversation.others[0].user
            if conversation.kind == "direct" and conversation.others
            else None
        )
        rows.append(
            {
                "conversation": conversation,
                "other": other,
                "title": conversation_title(conversation, other),
                "unread": conversation.unread,
                "muted": conversation.muted,
            }
        )
    taught = CoursePage.objects.filter(
        pk__in=CourseInstructor.objects.filter(user=request.user).values("page_id")
    ).order_by("title")
    context = {"conversations": rows, "q": q, "taught_courses": list(taught)}
    return TemplateResponse(request, "community/chat/inbox.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@chat_page
def chat_new(request):
    choices, contacts = contact_choices(request.user)
    initial = {}
    if request.method != "POST" and "to" in request.GET:
        to = as_id(request.GET["to"])
        if to is None or to not in contacts:
            raise Http404("No such person.")
        initial["to"] = to
    if request.method != "POST":
        form = NewConversationForm(initial=initial, contact_choices=choices)
        return new_page(request, form, bool(contacts))
    form = NewConversationForm(request.POST, contact_choices=choices)
    if not form.is_valid():
        return new_page(request, form, bool(contacts), CHECK_FORM, 400)
    data = form.cleaned_data
    try:
        with transaction.atomic():
            conversation = services.start_direct(
                request.user, contacts[data["to"]], topic=data["topic"]
            )
            message = services.send_message(
                request.user,
                conversation,
                content=data["content"],
                client_token=data["client_token"],
            )
    except services.ChatRefused as refused:
        return new_page(request, form, bool(contacts), refused.message, refused.status)
    return redirect(f"{reverse('chat_thread', args=[conversation.pk])}#message-{message.pk}")


def new_page(request, form, has_contacts, error=None, status=200):
    context = {"form": form, "has_contacts": has_contacts, "error": error}
    return TemplateResponse(request, "community/chat/new.html", context, status=status)


@require_safe
@chat_page
def chat_thread(request, conversation_id):
    participant = participant_or_404(request.user, conversation_id)
    return thread_page(request, participant, MessageForm())


def thread_page(request, participant, form, error=None, status=200):
    """The thread: its newest messages (or those before ?before=), marked read when the
    newest are shown, with `form` (fresh, or refused with the typed text kept)."""
    conversation = participant.conversation
    before = as_id(request.GET.get("before", "")) if "before" in request.GET else None
    if "before" in request.GET and before is None:
        raise services.ChatRefused("That is not a message to load from.", status=400)
    messages = thread_messages(conversation, request.user, before=before, limit=PAGE_SIZE + 1)
    has_earlier = len(messages) > PAGE_SIZE
    messages = with_profiles(messages[-PAGE_SIZE:])
    if before is None and messages:
        services.mark_read(request.user, conversation, up_to=messages[-1].pk)
    reply = as_id(request.GET.get("reply", "")) or as_id(form["reply_to"].value() or "")
    context = thread_context(request.user, participant, messages, reply)
    if context["reply_message"] is not None and not form.is_bound:
        form.initial["reply_to"] = context["reply_message"].pk
    context.update(
        {
            "compose_form": form,
            "error": error,
            "has_earlier": has_earlier,
            "earliest_id": messages[0].pk if messages else None,
            "newer": before is not None,
            "now": timezone.now(),
            "allowed_attachments": attachments.ALLOWED,
            "max_attachment_mb": attachments.max_bytes() // (1024 * 1024),
        }
    )
    return TemplateResponse(request, "community/chat/thread.html", context, status=status)


@require_POST
@chat_page
def chat_send(request, conversation_id):
    participant = participant_or_404(request.user, conversation_id)
    conversation = participant.conversation
    form = MessageForm(request.POST, request.FILES)
    if not form.is_valid():
        return send_refused(request, participant, form, first_error(form), 400)
    data = form.cleaned_data
    try:
        message = services.send_message(
            request.user,
            conversation,
            content=data["content"],
            attachment=data["attachment"],
            reply_to=data["reply_to"],
            client_token=data["client_token"],
        )
    except services.ChatRefused as refused:
        return send_refused(request, participant, form, refused.message, refused.status)
    if wants_json(request):
        html = render_messages(request, with_profiles([message]))
        return JsonResponse({"html": html, "last_id": message.pk, "id": message.pk})
    return redirect(f"{reverse('chat_thread', args=[conversation.pk])}#message-{message.pk}")


def first_error(form):
    for errors in form.errors.values():
        return errors[0]
    return CHECK_FORM


def send_refused(request, participant, form, message, status):
    """JSON for chat.js; else the thread again with the error, the typed text kept."""
    if wants_json(request):
        return json_error(message, status)
    form.renew_token()
    return thread_page(request, participant, form, message, status)


def render_messages(request, messages, seen_id=None):
    context = {"seen_id": seen_id}
    return "".join(
        render_to_string("community/chat/message.html", {**context, "message": m}, request)
        for m in messages
    )


def parse_since(text):
    """An aware datetime from `since`, or None: parse_datetime raises ValueError for a
    well-formed impossible date ("2024-02-30"), and a naive one is read as UTC."""
    try:
        moment = parse_datetime(text)
    except ValueError:
        return None
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment, UTC)
    return moment


@require_safe
@chat_page
def chat_updates(request, conversation_id):
    """What changed since the page's last message: new messages, edits and deletes since
    `since`, and everyone's read position. `read=1` marks the new messages read."""
    participant = participant_or_404(request.user, conversation_id)
    conversation = participant.conversation
    after = as_id(request.GET.get("after", "0"))
    since_text = request.GET.get("since", "")
    since = parse_since(since_text) if since_text else None
    if after is None or (since_text and since is None):
        return json_error("Give `after` as a message id and `since` as a time.", 400)
    now = timezone.now()
    messages = with_profiles(
        thread_messages(conversation, request.user, after=after, limit=UPDATE_LIMIT)
    )
    changed = []
    if since is not None:
        changed = with_profiles(
            list(
                Message.objects.filter(conversation=conversation, id__lte=after)
                .filter(Q(edited_at__gte=since) | Q(deleted_at__gte=since))
                .exclude(sender_id__in=blocked_by(request.user))
                .select_related("sender__profile", "reply_to__sender")
                .order_by("id")[:UPDATE_LIMIT]
            )
        )
    if request.GET.get("read") == "1" and messages:
        services.mark_read(request.user, conversation, up_to=messages[-1].pk)
    reads = read_positions(conversation, exclude_user=request.user)
    payload = {
        "html": render_messages(request, messages),
        "last_id": messages[-1].pk if messages else after,
        "read": {str(user_id): message_id for user_id, message_id in reads.items()},
        "changed": [{"id": m.pk, "html": render_messages(request, [m])} for m in changed],
        "since": now.isoformat(),
    }
    return JsonResponse(payload)


@require_safe
@chat_page
def chat_attachment(request, conversation_id, message_id):
    """A message's attachment for a participant: an image shown inline, a document
    downloaded. Deleted messages no longer serve theirs."""
    participant = participant_or_404(request.user, conversation_id)
    message = get_object_or_404(
        Message.objects.exclude(attachment="").exclude(sender_id__in=blocked_by(request.user)),
        pk=message_id,
        conversation_id=participant.conversation_id,
        is_deleted=False,
    )
    return file_response(
        message.attachment.storage,
        message.attachment.name,
        filename=message.attachment_name,
        attachment=not message.is_image,
        content_type=message.attachment_type or None,
    )


@require_POST
@chat_page
def chat_course_group(request, course_id):
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None:
        raise Http404("No such course.")
    conversation = services.open_course_group(request.user, course)
    return redirect("chat_thread", conversation.pk)
