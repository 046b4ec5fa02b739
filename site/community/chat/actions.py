"""Small chat actions as plain forms: edit, delete or report a message, block or unblock
a person, mute or leave a conversation.

Destructive ones (delete, leave, block, report) show a confirmation page on GET and act
on POST. The message or person must belong to a conversation the viewer is an active
participant of; anything else is a 404, the same as an id that does not exist.
"""

from django.contrib import messages as flash
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .forms import EditMessageForm, ReportMessageForm
from .models import Message, Participant
from .queries import participant_or_404
from .views import chat_page

CONFIRM = "community/chat/confirm.html"
form_page = require_http_methods(["GET", "HEAD", "POST"])


def thread_url(conversation_id, message_id=None):
    url = reverse("chat_thread", args=[conversation_id])
    return f"{url}#message-{message_id}" if message_id else url


def own_or_visible_message(user, conversation_id, message_id, own=False):
    participant = participant_or_404(user, conversation_id)
    rows = Message.objects.filter(
        pk=message_id, conversation_id=participant.conversation_id, is_deleted=False
    )
    rows = rows.filter(sender_id=user.pk) if own else rows.exclude(sender_id=user.pk)
    message = rows.select_related("sender__profile").first()
    if message is None:
        raise Http404("No such message.")
    return participant, message


def confirm_page(request, participant, status=200, **context):
    context = {"conversation": participant.conversation, **context}
    return TemplateResponse(request, CONFIRM, context, status=status)


@form_page
@chat_page
def chat_edit(request, conversation_id, message_id):
    participant, message = own_or_visible_message(
        request.user, conversation_id, message_id, own=True
    )
    context = {"conversation": participant.conversation, "message": message}
    if request.method != "POST":
        form = EditMessageForm(initial={"content": message.content})
        return TemplateResponse(request, "community/chat/edit.html", {**context, "form": form})
    form = EditMessageForm(request.POST)
    error, status = "Check the message and try again.", 400
    if form.is_valid():
        try:
            services.edit_message(request.user, message, form.cleaned_data["content"])
        except services.ChatRefused as refused:
            error, status = refused.message, refused.status
        else:
            flash.success(request, "Your message is updated.")
            return redirect(thread_url(conversation_id, message.pk))
    context.update({"form": form, "error": error})
    return TemplateResponse(request, "community/chat/edit.html", context, status=status)


@form_page
@chat_page
def chat_delete(request, conversation_id, message_id):
    participant, message = own_or_visible_message(
        request.user, conversation_id, message_id, own=True
    )
    if request.method != "POST":
        return confirm_page(
            request,
            participant,
            heading="Delete this message?",
            question="Everyone in the conversation will see “Message deleted” instead.",
            quoted=message,
            button="Delete message",
            danger=True,
            action=reverse("chat_delete", args=[conversation_id, message.pk]),
        )
    services.delete_message(request.user, message)
    flash.success(request, "Your message is deleted.")
    return redirect(thread_url(conversation_id))


@form_page
@chat_page
def chat_report(request, conversation_id, message_id):
    participant, message = own_or_visible_message(request.user, conversation_id, message_id)
    form = ReportMessageForm(request.POST if request.method == "POST" else None)
    page = {
        "heading": "Report this message",
        "question": "A moderator will read the message and decide whether it breaks the rules.",
        "quoted": message,
        "button": "Send the report",
        "form": form,
        "action": reverse("chat_report", args=[conversation_id, message.pk]),
    }
    if request.method != "POST":
        return confirm_page(request, participant, **page)
    if not form.is_valid():
        return confirm_page(request, participant, 400, error="Check the reason.", **page)
    services.report(request.user, message, form.cleaned_data["reason"])
    flash.success(request, "Thanks for telling us. A moderator will look at this message.")
    return redirect(thread_url(conversation_id, message.pk))


def person_in(user, conversation_id, user_id):
    """The viewer's participation and another person who is (or was) in the same
    conversation: the only people a thread lets one block."""
    participant = participant_or_404(user, conversation_id)
    other = (
        Participant.objects.filter(conversation_id=participant.conversation_id, user_id=user_id)
        .exclude(user_id=user.pk)
        .select_related("user__profile")
        .first()
    )
    if other is None:
        raise Http404("No such person.")
    return participant, other.user


@form_page
@chat_page
def chat_block(request, conversation_id, user_id):
    participant, person = person_in(request.user, conversation_id, user_id)
    if request.method != "POST":
        return confirm_page(
            request,
            participant,
            heading=f"Block {person.display_name}?",
            question=(
                "You will no longer see their messages, and neither of you can start a "
                "conversation with the other. You can unblock them later."
            ),
            button="Block",
            danger=True,
            action=reverse("chat_block", args=[conversation_id, person.pk]),
        )
    services.block(request.user, person)
    flash.success(request, f"You blocked {person.display_name}.")
    return redirect(thread_url(conversation_id))


@require_POST
@chat_page
def chat_unblock(request, conversation_id, user_id):
    _, person = person_in(request.user, conversation_id, user_id)
    services.unblock(request.user, person)
    flash.success(request, f"You unblocked {person.display_name}.")
    return redirect(thread_url(conversation_id))


@require_POST
@chat_page
def chat_mute(request, conversation_id):
    participant = participant_or_404(request.user, conversation_id)
    muted = request.POST.get("muted") == "1"
    services.set_muted(request.user, participant.conversation, muted)
    text = "Muted: no notifications from this conversation." if muted else "Unmuted."
    flash.success(request, text)
    return redirect(thread_url(conversation_id))


@form_page
@chat_page
def chat_leave(request, conversation_id):
    participant = participant_or_404(request.user, conversation_id)
    if request.method != "POST":
        return confirm_page(
            request,
            participant,
            heading="Leave this conversation?",
            question="It disappears from your messages and you get no more notifications from it.",
            button="Leave",
            danger=True,
            action=reverse("chat_leave", args=[conversation_id]),
        )
    services.leave(request.user, participant.conversation)
    flash.success(request, "You left the conversation.")
    return redirect("chat_inbox")
