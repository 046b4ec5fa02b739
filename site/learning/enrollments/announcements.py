"""Course announcements and new-lesson notices: written in a request, fanned out in Celery.

An instructor posts an announcement in the admin (announcement_admin.py); the request
stores it and enqueues send_announcement through the outbox, which hands every learner
enrolled in the course to community.notifications' batched fan-out. Both are
idempotent: a retried announcement finds `sent_at` stamped, the fan-out's dedupe key
skips anyone already told, and a lesson is announced only on its first publication.
"""

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from wagtail.permission_policies.pages import PagePermissionPolicy

from community.notifications.fanout import fan_out
from core.outbox import enqueue
from learning.courses.models import CoursePage, LessonPage
from learning.courses.teaching import taught_courses

from .models import Announcement, Enrollment

TITLE_MAX = 120
BODY_MAX = 5000


def enrolled_learner_ids(course_id):
    """Learners still enrolled in the course (active or finished, not dropped)."""
    return list(
        Enrollment.objects.filter(course_id=course_id)
        .exclude(status=Enrollment.Status.DROPPED)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )


def announceable_courses(user):
    """Courses `user` may announce to: pages they may edit (Wagtail page permissions)
    that they also teach, since an announcement reaches the course's learners. A
    superuser may announce to every course."""
    if user is None or not user.is_authenticated or not user.is_active:
        return CoursePage.objects.none()
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    courses = CoursePage.objects.filter(pk__in=editable.values("pk"))
    if not user.is_superuser:
        courses = courses.filter(pk__in=taught_courses(user).values("pk"))
    return courses.order_by("title")


def recipient_counts(course_ids):
    """{course id: learners an announcement would reach}, in one query."""
    rows = (
        Enrollment.objects.filter(course_id__in=course_ids)
        .exclude(status=Enrollment.Status.DROPPED)
        .order_by()
        .values_list("course_id")
        .annotate(n=Count("pk"))
    )
    return dict(rows)


def post_announcement(author, course, title, body):
    """Store the announcement and send it once this transaction commits."""
    from .tasks import send_announcement

    with transaction.atomic():
        announcement = Announcement.objects.create(
            course=course, author=author, title=title[:TITLE_MAX], body=body[:BODY_MAX]
        )
        enqueue(send_announcement, announcement.pk)
    return announcement


def send_announcement(announcement_id):
    """Notify the course's enrolled learners of the announcement, once. Returns how many
    learners it reached (0 when it was sent before or no longer exists)."""
    with transaction.atomic():
        announcement = (
            Announcement.objects.select_for_update(of=("self",))
            .select_related("course", "author")
            .filter(pk=announcement_id)
            .first()
        )
        if announcement is None or announcement.is_sent:
            return 0
        course = announcement.course
        learner_ids = enrolled_learner_ids(course.pk)
        fan_out(
            learner_ids,
            "announcement",
            text=f"{course.title}: {announcement.title}",
            url=course.url or "",
            actor=announcement.author,
            target=announcement,
            dedupe_key=f"announcement:{announcement.pk}",
        )
        announcement.sent_at = timezone.now()
        announcement.recipient_count = len(learner_ids)
        announcement.save(update_fields=["sent_at", "recipient_count"])
    return len(learner_ids)


def lesson_first_published(lesson):
    """Whether this publication of `lesson` is its first (re-publishing is not news)."""
    return lesson.first_published_at is not None and (
        lesson.first_published_at == lesson.last_published_at
    )


def announce_lesson(lesson_id):
    """Notify the learners enrolled in the lesson's course of a newly published lesson
    (the dedupe key makes a retried task tell nobody twice)."""
    lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    course = lesson and CoursePage.objects.ancestor_of(lesson).first()
    if course is None:
        return 0
    learner_ids = enrolled_learner_ids(course.pk)
    fan_out(
        learner_ids,
        "lesson_published",
        text=f"New lesson in “{course.title}”: {lesson.title}",
        url=lesson.url or "",
        target=lesson,
        dedupe_key=f"lesson_published:{lesson.pk}",
    )
    return len(learner_ids)
