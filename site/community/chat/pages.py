"""What the chat pages show beyond the queries: the people a user may write to grouped
by course, a conversation's title, and a thread's people, blocks and "Seen" mark.

Each function spends a fixed number of queries whatever the number of messages or
contacts, so the pages' query counts stay flat.
"""

from django.db.models import prefetch_related_objects

from learning.courses.models import CourseInstructor

from . import rules
from .models import Block, Conversation, Message, Participant
from .queries import blocked_by

STAFF_GROUP = "Staff"
OTHERS_GROUP = "Other people"
SEEN_NAMES_SHOWN = 3


def contact_choices(user):
    """(grouped choices for a select, {user id: User}) of everyone `user` may message:
    their courses' instructors or learners under each course, then staff."""
    contacts = {person.pk: person for person in rules.contacts_for(user).select_related("profile")}
    groups = {}
    taught_me = CourseInstructor.objects.filter(
        user_id__in=list(contacts),
        page_id__in=rules.current_enrollments().filter(user=user).values("course_id"),
    ).select_related("page")
    for row in taught_me:
        groups.setdefault(row.page.title, []).append(row.user_id)
    my_learners = (
        rules.current_enrollments()
        .filter(
            user_id__in=list(contacts),
            course_id__in=CourseInstructor.objects.filter(user=user).values("page_id"),
        )
        .select_related("course")
    )
    for row in my_learners:
        groups.setdefault(row.course.title, []).append(row.user_id)
    grouped = {uid for ids in groups.values() for uid in ids}
    staff = set(rules.staff_ids().filter(pk__in=list(contacts)).values_list("pk", flat=True))
    choices = [(title, label(contacts, ids)) for title, ids in sorted(groups.items())]
    if staff:
        choices.append((STAFF_GROUP, label(contacts, staff)))
    rest = set(contacts) - grouped - staff
    if rest:
        choices.append((OTHERS_GROUP, label(contacts, rest)))
    return choices, contacts


def label(contacts, ids):
    people = sorted({contacts[uid] for uid in ids}, key=lambda p: p.display_name.lower())
    return [(person.pk, person.display_name) for person in people]


def conversation_title(conversation, other=None):
    if conversation.title:
        return conversation.title
    if other is not None:
        return other.display_name
    return "Conversation"


def with_profiles(messages):
    """`messages` with their senders' and quoted senders' profiles loaded in at most one
    query (display names and avatars read them)."""
    people = [m.sender for m in messages if m.sender_id]
    people += [m.reply_to.sender for m in messages if m.reply_to and m.reply_to.sender_id]
    prefetch_related_objects(people, "profile")
    return messages


def seen_mark(user, messages, reads):
    """The id of the viewer's newest shown message someone else has read, or None."""
    positions = [position for position in reads.values() if position]
    if not positions:
        return None
    own = [m.pk for m in messages if m.sender_id == user.pk and m.pk <= max(positions)]
    return max(own) if own else None


def thread_context(user, participant, messages, reply_id=None):
    """The thread template's context apart from the form and paging."""
    conversation = participant.conversation
    people = list(
        Participant.objects.filter(conversation=conversation)
        .select_related("user__profile")
        .order_by("joined_at", "id")
    )
    active = [p for p in people if p.left_at is None]
    others = [p for p in people if p.user_id != user.pk]
    other = others[0].user if conversation.kind == Conversation.Kind.DIRECT and others else None
    blocked_ids = set(
        Block.objects.filter(blocker=user, blocked_id__in=[p.user_id for p in others]).values_list(
            "blocked_id", flat=True
        )
    )
    reads = {p.user_id: p.last_read_message_id for p in active if p.user_id != user.pk}
    seen_id = seen_mark(user, messages, reads)
    seen_by = ""
    if seen_id and conversation.kind == Conversation.Kind.GROUP:
        readers = [p.user.display_name for p in active if (reads.get(p.user_id) or 0) >= seen_id]
        seen_by = ", ".join(readers[:SEEN_NAMES_SHOWN])
        if len(readers) > SEEN_NAMES_SHOWN:
            seen_by += f" and {len(readers) - SEEN_NAMES_SHOWN} more"
    return {
        "conversation": conversation,
        "participant": participant,
        "chat_messages": messages,
        "title": conversation_title(conversation, other),
        "other": other,
        "blocked": other is not None and other.pk in blocked_ids,
        "blocked_ids": blocked_ids,
        "people": people_list(active) if conversation.kind == Conversation.Kind.GROUP else [],
        "seen_id": seen_id,
        "seen_by": seen_by,
        "last_id": messages[-1].pk if messages else 0,
        "reply_message": reply_message(conversation, messages, reply_id, user),
    }


def people_list(active):
    """A group's people: instructors and staff first, then learners, by name."""
    learner = Participant.Role.LEARNER
    return sorted(active, key=lambda p: (p.role == learner, p.user.display_name.lower()))


def reply_message(conversation, messages, reply_id, viewer):
    if not reply_id:
        return None
    for message in messages:
        if message.pk == reply_id:
            return None if message.is_deleted else message
    return (
        Message.objects.filter(conversation=conversation, pk=reply_id, is_deleted=False)
        .exclude(sender_id__in=blocked_by(viewer))
        .select_related("sender__profile")
        .first()
    )
