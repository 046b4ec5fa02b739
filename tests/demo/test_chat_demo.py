"""The demo's chat: learner@ and instructor@ talk about the METAR lesson, the checkride
course has its group, one announcement went out, and the learner has a few unread
notifications. Loading twice adds nothing."""

from io import StringIO

from django.core.management import call_command

import pytest

from community.chat.models import Conversation, Message
from community.notifications.models import Notification
from learning.enrollments.models import Announcement

pytestmark = pytest.mark.django_db


def counts():
    return (
        Conversation.objects.count(),
        Message.objects.count(),
        Announcement.objects.count(),
        Notification.objects.count(),
    )


def test_demo_chat_and_notifications_load_once(commit):
    with commit():
        call_command("load_demo", stdout=StringIO())
    direct = Conversation.objects.get(kind=Conversation.Kind.DIRECT)
    emails = set(direct.participants.values_list("user__email", flat=True))
    assert emails == {"learner@demo.test", "instructor@demo.test"}
    assert 4 <= direct.messages.count() <= 6
    group = Conversation.objects.get(kind=Conversation.Kind.GROUP)
    assert group.course.slug == "private-pilot-checkride-prep"
    assert group.participants.filter(user__email="learner@demo.test").exists()
    assert Announcement.objects.get().recipient_count >= 1
    unread = Notification.objects.filter(recipient__email="learner@demo.test", read_at=None)
    assert {"new_message", "lesson_published", "announcement"} <= set(
        unread.values_list("kind", flat=True)
    )
    # The loaders publish every demo lesson and grade demo quizzes, but only the chat
    # loader's few notifications reach the learner: nothing else buries them.
    assert unread.filter(kind="lesson_published").count() == 1
    assert unread.count() <= 6
    before = counts()
    with commit():
        call_command("load_demo", stdout=StringIO())
    assert counts() == before
