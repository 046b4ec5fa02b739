"""Chat's write paths: every change to conversations, participants and messages.

Views and the socket consumer call these and nothing else writes, so the rules hold on
every path: who may talk to whom (rules.py), active participation, blocks, the rate
limit, body and attachment limits, and idempotent sends. Refusals raise ChatRefused
with the HTTP status the caller answers with. Each write runs in one transaction; live
events and notifications go out only once it commits.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from accounts.standing import load_permissions
from community.notifications.services import mark_read_by_group, notify
from learning.courses.models import CourseInstructor

from . import attachments, live, rules
from .errors import ChatRefused
from .limits import check_rate, clean_body, parse_token
from .models import (
    Block,
    Conversation,
    Message,
    MessageEdit,
    MessageReport,
    Participant,
)

REASON_MAX_LENGTH = 1000


# --- helpers -------------------------------------------------------------------------


def active_participant(user, conversation, lock=False):
    """The user's active Participant row in `conversation`, or ChatRefused(404)."""
    rows = Participant.objects.filter(conversation=conversation, user_id=user.pk, left_at=None)
    participant = (rows.select_for_update() if lock else rows).first()
    if participant is None:
        raise ChatRefused("Conversation not found.", status=404)
    return participant


def role_for(user, course=None):
    if rules.is_staff(user):
        return Participant.Role.STAFF
    taught = CourseInstructor.objects.filter(user=user)
    if course is not None:
        taught = taught.filter(page=course)
    return Participant.Role.INSTRUCTOR if taught.exists() else Participant.Role.LEARNER


def thread_url(conversation):
    return reverse("chat_thread", args=[conversation.pk])


# --- conversations -------------------------------------------------------------------


def start_direct(user, other, *, topic="", course=None):
    """The direct conversation between `user` and `other`, created on first use.
    Parallel calls make one (direct_key is unique); a participant who left rejoins."""
    if other is None or other.pk == user.pk or not rules.can_message(user, other):
        raise ChatRefused("You cannot message this person.", status=403)
    if course is not None and not (
        rules.teaches(user, course.pk) or rules.teaches(other, course.pk)
    ):
        course = None
    low, high = sorted([user.pk, other.pk])
    key = f"{low}:{high}"
    conversation = Conversation.objects.filter(direct_key=key).first()
    if conversation is None:
        try:
            with transaction.atomic():
                conversation = Conversation.objects.create(
                    kind=Conversation.Kind.DIRECT,
                    direct_key=key,
                    topic=str(topic)[:255],
                    course=course,
                    created_by=user,
                )
                Participant.objects.bulk_create(
                    [
                        Participant(
                            conversation=conversation, user=person, role=role_for(person, course)
                        )
                        for person in (user, other)
                    ]
                )
            return conversation
        except IntegrityError:
            conversation = Conversation.objects.get(direct_key=key)
    Participant.objects.filter(conversation=conversation, left_at__isnull=False).update(
        left_at=None
    )
    if topic and not conversation.topic:
        Conversation.objects.filter(pk=conversation.pk).update(topic=str(topic)[:255])
        conversation.topic = str(topic)[:255]
    return conversation


def open_course_group(instructor, course):
    """The course's open group conversation (made on first call) with its instructors
    and current learners. Only the course's credited instructors may open it."""
    if not rules.teaches(instructor, course.pk):
        raise ChatRefused("Only this course's instructors can open its group.", status=403)
    conversation = Conversation.objects.filter(
        kind=Conversation.Kind.GROUP, course=course, archived=False
    ).first()
    if conversation is None:
        try:
            with transaction.atomic():
                conversation = Conversation.objects.create(
                    kind=Conversation.Kind.GROUP,
                    course=course,
                    title=f"{course.title} group"[:255],
                    created_by=instructor,
                )
        except IntegrityError:
            conversation = Conversation.objects.get(
                kind=Conversation.Kind.GROUP, course=course, archived=False
            )
    sync_course_group(course)
    return conversation


def sync_course_group(course, user_ids=None):
    """Bring the course group's members in line with the course (a CoursePage or its
    id): add instructors and current learners who are missing, and mark learners who
    dropped as having left. `user_ids` limits the work to those people (an enrollment
    change). Returns the group, or None when the course has no open group."""
    conversation = Conversation.objects.filter(
        kind=Conversation.Kind.GROUP, course=course, archived=False
    ).first()
    if conversation is None:
        return None
    instructors = CourseInstructor.objects.filter(page=course)
    learners = rules.current_enrollments().filter(course=course)
    if user_ids is not None:
        instructors = instructors.filter(user_id__in=user_ids)
        learners = learners.filter(user_id__in=user_ids)
    wanted = dict.fromkeys(learners.values_list("user_id", flat=True), Participant.Role.LEARNER)
    wanted |= dict.fromkeys(
        instructors.values_list("user_id", flat=True), Participant.Role.INSTRUCTOR
    )
    present = Participant.objects.filter(conversation=conversation)
    known = set(present.values_list("user_id", flat=True))
    Participant.objects.bulk_create(
        [
            Participant(conversation=conversation, user_id=uid, role=role)
            for uid, role in wanted.items()
            if uid not in known
        ],
        ignore_conflicts=True,
    )
    if user_ids is not None:  # an enrollment came back: its learner rejoins the group
        present.filter(user_id__in=list(wanted), left_at__isnull=False).update(left_at=None)
    gone = present.filter(role=Participant.Role.LEARNER, left_at=None).exclude(
        user_id__in=list(wanted)
    )
    if user_ids is not None:
        gone = gone.filter(user_id__in=user_ids)
    gone.update(left_at=timezone.now())
    return conversation


def leave(user, conversation):
    with transaction.atomic():
        participant = active_participant(user, conversation, lock=True)
        participant.left_at = timezone.now()
        participant.save(update_fields=["left_at"])
    return participant


def set_muted(user, conversation, muted):
    participant = active_participant(user, conversation)
    participant.muted = bool(muted)
    participant.save(update_fields=["muted"])
    return participant


# --- messages ------------------------------------------------------------------------


def send_message(
    user, conversation, *, content="", attachment=None, reply_to=None, client_token=None
):
    """Post a message; the same client_token again returns the first message."""
    token = parse_token(client_token)
    if token is not None:
        earlier = Message.objects.filter(sender_id=user.pk, client_token=token).first()
        if earlier is not None:
            if earlier.conversation_id != conversation.pk:
                raise ChatRefused("Invalid message token.", status=400)
            return earlier
    body = clean_body(content, allow_empty=attachment is not None)
    checked = None
    if attachment is not None:
        try:
            checked = attachments.validate(attachment)
        except ValidationError as error:
            raise ChatRefused(error.messages[0], status=400) from None
    check_rate(user)
    stored = []
    try:
        message = _store_message(
            user, conversation, body, attachment, checked, reply_to, token, stored
        )
    except IntegrityError:
        _delete_files(stored)
        earlier = Message.objects.filter(sender_id=user.pk, client_token=token).first()
        if token is None or earlier is None:
            raise
        return earlier
    except BaseException:
        _delete_files(stored)
        raise
    return message


def _delete_files(names):
    for name in names:
        Message._meta.get_field("attachment").storage.delete(name)


def _store_message(user, conversation, body, attachment, checked, reply_to, token, stored):
    with transaction.atomic():
        participant = active_participant(user, conversation)
        conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if conversation.archived:
            raise ChatRefused("This conversation is archived.", status=403)
        others = list(
            Participant.objects.filter(conversation=conversation, left_at=None)
            .exclude(user_id=user.pk)
            .select_related("user")
        )
        if conversation.kind == Conversation.Kind.DIRECT and not all(
            rules.can_message(user, p.user) for p in others
        ):
            # The rule that let the conversation start must still hold: a block, a
            # dropped course or a deactivated account ends it.
            raise ChatRefused("You cannot message this person.", status=403)
        if reply_to is not None:
            reply_id = getattr(reply_to, "pk", reply_to)
            reply_to = Message.objects.filter(pk=reply_id, conversation=conversation).first()
            if reply_to is None:
                raise ChatRefused("The message you reply to is not in this conversation.", 400)
        message = Message(
            conversation=conversation,
            sender=user,
            content=body,
            reply_to=reply_to,
            client_token=token,
        )
        if checked is not None:
            message.attachment.save(checked.name, attachment, save=False)
            stored.append(message.attachment.name)
            message.attachment_name = checked.name
            message.attachment_type = checked.content_type
            message.attachment_size = checked.size
        message.save()
        Conversation.objects.filter(pk=conversation.pk).update(
            updated_at=message.created_at, last_message=message
        )
        _advance(participant, message.pk)
        live.message_posted(message)
        _notify_recipients(user, conversation, others, message)
    return message


def _notify_recipients(sender, conversation, others, message):
    """Notify the other active participants who have not muted the conversation nor
    blocked the sender. Instructors of the conversation's course, or of a course the
    sender is enrolled in, hear of it as a learner's message."""
    blockers = set(Block.objects.filter(blocked=sender).values_list("blocker_id", flat=True))
    recipients = {p.user_id for p in others if not p.muted} - blockers
    if not recipients:
        return
    courses = Q(page_id__in=rules.current_enrollments().filter(user=sender).values("course_id"))
    if conversation.course_id:
        courses |= Q(page_id=conversation.course_id)
    instructors = set(
        CourseInstructor.objects.filter(courses, user_id__in=recipients).values_list(
            "user_id", flat=True
        )
    )
    common = {
        "text": f"New message from {sender.display_name}",
        "url": thread_url(conversation),
        "actor": sender,
        "target": conversation,
        "group_key": f"chat:{conversation.pk}",
    }
    if instructors:
        notify(instructors, "learner_message", **common)
    if recipients - instructors:
        notify(recipients - instructors, "new_message", **common)


def _message_for_change(user, message):
    """The message locked for a change by `user`, who must still be in its conversation."""
    active_participant(user, message.conversation_id)
    return (
        Message.objects.select_for_update(of=("self",))
        .select_related("conversation")
        .get(pk=message.pk)
    )


def edit_message(user, message, content):
    """Change the text of one's own message; the earlier text is kept for moderators."""
    body = clean_body(content)
    with transaction.atomic():
        locked = _message_for_change(user, message)
        if locked.sender_id != user.pk:
            raise ChatRefused("You can only edit your own messages.", status=403)
        if locked.is_deleted:
            raise ChatRefused("A deleted message cannot be edited.", status=400)
        if locked.conversation.archived:
            raise ChatRefused("This conversation is archived.", status=403)
        if locked.content == body:
            return locked
        check_rate(user, scope="edit")  # each edit reaches everyone live and is kept
        MessageEdit.objects.create(message=locked, previous_content=locked.content)
        locked.content = body
        locked.edited_at = timezone.now()
        locked.save(update_fields=["content", "edited_at"])
        live.message_changed(locked)
    return locked


def delete_message(user, message):
    """Delete one's own message (staff may delete any). The text stays for moderators;
    the site shows "message deleted" and no longer serves the attachment."""
    with transaction.atomic():
        if rules.is_staff(user):
            locked = Message.objects.select_for_update().get(pk=message.pk)
        else:
            locked = _message_for_change(user, message)
            if locked.sender_id != user.pk:
                raise ChatRefused("You can only delete your own messages.", status=403)
        _remove(locked)
    return locked


def _remove(message):
    if message.is_deleted:
        return
    message.is_deleted = True
    message.deleted_at = timezone.now()
    message.save(update_fields=["is_deleted", "deleted_at"])
    newest = (
        Message.objects.filter(conversation_id=message.conversation_id, is_deleted=False)
        .order_by("-id")
        .first()
    )
    Conversation.objects.filter(pk=message.conversation_id, last_message=message).update(
        last_message=newest
    )
    live.message_changed(message)


# --- read state ----------------------------------------------------------------------


def _advance(participant, message_id):
    """Move the read position forward to message_id; never backwards, even when two
    requests race (the condition is part of the UPDATE). Returns whether it moved."""
    now = timezone.now()
    moved = (
        Participant.objects.filter(pk=participant.pk)
        .filter(Q(last_read_message__isnull=True) | Q(last_read_message_id__lt=message_id))
        .update(last_read_message_id=message_id, last_read_at=now)
    )
    if moved:
        participant.last_read_message_id = message_id
        participant.last_read_at = now
    return bool(moved)


def mark_read(user, conversation, up_to=None):
    """Mark the conversation read up to `up_to` (a message or id; default the newest)."""
    participant = active_participant(user, conversation)
    messages = Message.objects.filter(conversation_id=participant.conversation_id)
    if up_to is None:
        target = messages.order_by("-id").values_list("pk", flat=True).first()
    else:
        target = (
            messages.filter(pk=getattr(up_to, "pk", up_to)).values_list("pk", flat=True).first()
        )
        if target is None:
            raise ChatRefused("Message not found.", status=404)
    with transaction.atomic():
        if target is not None and _advance(participant, target):
            live.read_moved(participant)
        else:
            participant.refresh_from_db(fields=["last_read_message", "last_read_at"])
        mark_read_by_group(user, f"chat:{participant.conversation_id}")
    return participant


# --- blocks, reports and moderation --------------------------------------------------


def block(user, other):
    if other is None or other.pk == user.pk:
        raise ChatRefused("You cannot block yourself.", status=400)
    try:
        with transaction.atomic():
            return Block.objects.get_or_create(blocker=user, blocked=other)[0]
    except IntegrityError:
        return Block.objects.get(blocker=user, blocked=other)


def unblock(user, other):
    Block.objects.filter(blocker=user, blocked=other).delete()


def report(user, message, reason):
    """Report a message to the moderators; reporting it again changes nothing."""
    reason = str(reason or "").replace("\x00", "").strip()
    if len(reason) > REASON_MAX_LENGTH:
        raise ChatRefused(f"Keep the reason under {REASON_MAX_LENGTH:,} characters.", status=400)
    active_participant(user, message.conversation_id)
    if message.sender_id == user.pk:
        raise ChatRefused("You cannot report your own message.", status=400)
    try:
        with transaction.atomic():
            return MessageReport.objects.get_or_create(
                message=message, reporter=user, defaults={"reason": reason}
            )[0]
    except IntegrityError:
        return MessageReport.objects.get(message=message, reporter=user)


MODERATION_ACTIONS = {
    "dismiss": MessageReport.Status.DISMISSED,
    "remove": MessageReport.Status.REMOVED,
}


def can_moderate(user):
    """Moderators and admins handle reported messages; instructors and marketers do not.
    The Moderators role holds chat.change_messagereport (accounts.roles), and permission
    checks are cached per request, so the admin menu asks no extra query."""
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return False
    load_permissions(user)
    return user.has_perm(rules.MODERATION_PERMISSION)


def moderate(report, moderator, action):
    """Dismiss a report, or remove its message (which closes every open report of that
    message). Returns the report; deciding a decided report changes nothing."""
    status = MODERATION_ACTIONS.get(action)
    if status is None:
        raise ChatRefused("Choose Dismiss or Remove message.", status=400)
    if not can_moderate(moderator):
        raise ChatRefused("Only moderators handle reported messages.", status=403)
    with transaction.atomic():
        locked = MessageReport.objects.select_for_update().get(pk=report.pk)
        if locked.status != MessageReport.Status.OPEN:
            return locked
        handled = {"status": status, "handled_by": moderator, "handled_at": timezone.now()}
        if status == MessageReport.Status.REMOVED:
            _remove(Message.objects.select_for_update().get(pk=locked.message_id))
            MessageReport.objects.filter(
                message_id=locked.message_id, status=MessageReport.Status.OPEN
            ).update(**handled)
        else:
            MessageReport.objects.filter(pk=locked.pk).update(**handled)
        locked.refresh_from_db()
    return locked
