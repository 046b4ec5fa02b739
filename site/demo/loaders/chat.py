"""Demo chat and notifications for `load_demo`: learner@demo.test asks
instructor@demo.test about the METAR lesson, the checkride course has its group
conversation, the instructor posts one announcement, and the learner has a few unread
notifications (the instructor's reply, a new lesson, the announcement).

Everything goes through the real services (chat.services, enrollments.announcements,
notifications.fanout), so the demo obeys the same rules as the site. Re-running adds
nothing twice: each message carries a fixed client token, the announcement is found by
its title, and the fan-outs are deduplicated by their keys.
"""

import uuid

from django.contrib.auth import get_user_model

from community.chat import services as chat
from community.chat.models import Conversation
from community.notifications.fanout import fan_out
from community.notifications.models import Notification
from demo.words import read
from learning.courses.models import CourseInstructor, CoursePage, LessonPage
from learning.enrollments.announcements import post_announcement
from learning.enrollments.models import Announcement
from learning.enrollments.services import enroll

WORDS = read("chat", "chat.json")
TOKENS = uuid.UUID("6f1d2a3c-0b7e-4c55-9a61-3d1f0e8b2c47")
# What the demo learner has unread after loading: what this loader sends them.
FRESH_KINDS = ("new_message", "lesson_published", "announcement")


def token(name, index):
    """The same client token for the same demo message on every run."""
    return str(uuid.uuid5(TOKENS, f"{name}:{index}"))


def post(conversation, people, name, lines):
    for index, (who, text) in enumerate(lines):
        chat.send_message(people[who], conversation, content=text, client_token=token(name, index))


def load(stdout):
    users = get_user_model().objects
    people = {role: users.filter(email=WORDS[role]).first() for role in ("learner", "instructor")}
    course = CoursePage.objects.live().filter(slug=WORDS["course_slug"]).first()
    if None in people.values() or course is None:
        stdout.write("  skipped chat: demo users or course missing")
        return
    learner, instructor = people["learner"], people["instructor"]
    CourseInstructor.objects.get_or_create(page=course, user=instructor)
    enroll(learner, course)

    # Older notifications from the rest of the demo (certificate, reviews) count as read.
    Notification.objects.filter(recipient=learner, read_at__isnull=True).exclude(
        kind__in=FRESH_KINDS
    ).update(read_at=learner.date_joined)

    direct = WORDS["direct"]
    conversation = chat.start_direct(learner, instructor, topic=direct["topic"], course=course)
    post(conversation, people, "direct", direct["messages"])

    group = chat.open_course_group(instructor, course)
    post(group, people, "group", WORDS["group"]["messages"])

    words = WORDS["announcement"]
    if not Announcement.objects.filter(course=course, title=words["title"]).exists():
        post_announcement(instructor, course, words["title"], words["body"])

    new_lesson = LessonPage.objects.descendant_of(course).filter(slug=WORDS["new_lesson_slug"])
    new_lesson = new_lesson.live().first()
    if new_lesson is not None:
        fan_out(
            [learner.pk],
            "lesson_published",
            text=f"New lesson in “{course.title}”: {new_lesson.title}",
            url=new_lesson.url or "",
            target=new_lesson,
            dedupe_key=f"lesson_published:{new_lesson.pk}",
        )
    conversations = Conversation.objects.filter(participants__user=learner).count()
    stdout.write(
        f"  chat: {conversations} conversations for {learner.email}; announcements: "
        f"{Announcement.objects.filter(course=course).count()}"
    )
