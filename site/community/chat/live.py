"""Live chat events for the WebSocket consumer (consumers.py).

Events carry ids, never message text: the socket tells a watching page that something
changed, and the page fetches the rendered messages through the same authorised HTTP
endpoint that polling uses. Every function sends once the transaction commits.
"""

from django.db import transaction

from community.notifications.live import send_to_group


def conversation_group(conversation_id):
    return f"chat.{conversation_id}"


def _after_commit(conversation_id, event):
    transaction.on_commit(
        lambda: send_to_group(
            conversation_group(conversation_id), {**event, "conversation": conversation_id}
        )
    )


def message_posted(message):
    _after_commit(
        message.conversation_id,
        {"type": "chat.message", "message": message.pk, "sender": message.sender_id},
    )


def message_changed(message):
    _after_commit(message.conversation_id, {"type": "chat.changed", "message": message.pk})


def read_moved(participant):
    _after_commit(
        participant.conversation_id,
        {
            "type": "chat.read",
            "user": participant.user_id,
            "message": participant.last_read_message_id,
        },
    )
