"""What enrollments tells people: new enrollments and finished courses to the course's
instructors, certificates to their holder, and new lessons to a course's learners.

Each function is called by the write path that knows the event (services.enroll,
progress completion, certificates.services.issue_certificate) or, for lessons, by
Wagtail's page_published signal; the fan-out to a course's learners runs in Celery.
"""

from django.urls import NoReverseMatch, reverse

from community.notifications.services import notify
from learning.courses.teaching import MANAGE_STUDENTS, instructor_ids

from .models import Enrollment
from .sharing import shares


def active_learner_ids(course_id):
    """Learners actively enrolled in the course (dropped and finished ones are left out)."""
    return list(
        Enrollment.objects.filter(course_id=course_id, status=Enrollment.Status.ACTIVE)
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )


def roster_url(course):
    """The instructors' enrollment list in the admin, narrowed to the course."""
    try:
        index = reverse("enrollments_enrollment_modeladmin_index")
    except NoReverseMatch:
        return course.url or ""
    return f"{index}?course__id__exact={course.pk}"


def enrolled(enrollment):
    """Tell the course's active instructors that a learner enrolled (or came back); the
    learner is named only when they share this course with its instructors."""
    course, learner = enrollment.course, enrollment.user
    named = shares(enrollment)
    notify(
        instructor_ids(course.pk),
        "new_enrollment",
        text=f"{learner.display_name if named else 'A learner'} enrolled in “{course.title}”",
        url=roster_url(course),
        actor=learner if named else None,
        target=enrollment,
        group_key=f"new_enrollment:{course.pk}",
    )


def finished(enrollment):
    """Tell the instructors who manage the course's students that a learner finished it,
    if the learner shares this course with them (finishing is progress, sharing.py)."""
    learner = enrollment.user
    if not shares(enrollment):
        return []
    course = enrollment.course
    return notify(
        instructor_ids(course.pk, MANAGE_STUDENTS),
        "course_finished",
        text=f"{learner.display_name} finished “{course.title}”",
        url=roster_url(course),
        actor=learner,
        target=enrollment,
    )


def certificate_issued(certificate):
    enrollment = certificate.enrollment
    return notify(
        [enrollment.user_id],
        "certificate_issued",
        text=f"Your certificate for “{enrollment.course.title}” is ready",
        url=certificate.get_verification_path(),
        target=certificate,
    )
