"""Write paths for enrollment and progress (docs/architecture.md, "Write paths"): views and
other apps call these.

Every operation that touches an enrollment's progress locks the enrollment row
(`select_for_update`), so a double click, a retry or two tabs completing the same
lesson count once, and the course completes (and its certificate is issued) once.
Progress is always recomputed from the live lessons, never incremented.
"""

import datetime
import math

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from accounts.standing import has_verified_email
from accounts.tiers import tier_for
from core.fragments import Refused
from learning.courses.models import CoursePage, LessonPage, LessonType
from learning.courses.outline import course_outline

from . import notifying
from .models import ActivityType, Enrollment, LessonProgress, StudyDay, UserActivity
from .streaks import local_date

VIDEO_COMPLETE_PERCENT = 90
# A heartbeat may add at most this much time, and never more than really passed since
# the lesson was opened or last credited (so rapid or replayed beats add nothing).
MAX_HEARTBEAT_SECONDS = 120
# A lesson reloaded within this long of its recorded visit is not recorded again.
RECENT_VISIT = datetime.timedelta(minutes=1)
UNREAD = object()


NOT_ENROLLED = "Enroll in the course to track your progress."


class EnrollmentError(Refused):
    """Refused: an enrollment or progress request the learner should hear about."""


def log_activity(user, type, **fields):
    return UserActivity.objects.create(user=user, type=type, **fields)


def mark_study_day(user, at=None):
    """Record that `user` studied today (their today); safe under races and repeats."""
    StudyDay.objects.bulk_create(
        [StudyDay(user=user, date=local_date(user, at))], ignore_conflicts=True
    )


def completes_by_quiz(lesson):
    """Whether `lesson` has a quiz that must be passed: its completion is the pass.

    Asked through the quiz's reverse relation on the lesson (`assessment`), so that
    enrollments needs no import of assessments, which sits above it and reports a pass
    by calling `complete_lesson(..., source="assessment")`."""
    return LessonPage.objects.filter(
        pk=lesson.pk, assessment__required_for_certificate=True
    ).exists()


def enroll(user, course):
    """Enroll `user` in `course` (or re-activate a dropped enrollment). Returns
    (enrollment, created). Parallel calls create one row: the unique constraint
    decides, and the loser reads the winner's row."""
    if not user.is_authenticated:
        raise EnrollmentError("Log in to enroll.", status=403)
    if not has_verified_email(user):
        raise EnrollmentError("Confirm your email address before you enroll.", status=403)
    if not (course.live and course.get_view_restrictions().count() == 0):
        raise EnrollmentError("This course is not open for enrollment.", status=404)
    try:
        with transaction.atomic():
            enrollment, created = Enrollment.objects.get_or_create(user=user, course=course)
    except IntegrityError:
        enrollment, created = Enrollment.objects.get(user=user, course=course), False
    if created:
        log_activity(user, ActivityType.ENROLLED, course=course)
        notifying.enrolled(enrollment)
        return enrollment, True
    if enrollment.status == Enrollment.Status.DROPPED:
        with transaction.atomic():
            enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
            enrollment.status = Enrollment.Status.ACTIVE
            enrollment.save(update_fields=["status"])
            recompute_progress(enrollment)
        log_activity(user, ActivityType.ENROLLED, course=course, data={"rejoined": True})
        notifying.enrolled(enrollment)
    return enrollment, False


def leave(user, course):
    """Drop the enrollment; progress, notes and any certificate are kept for a return."""
    with transaction.atomic():
        enrollment = (
            Enrollment.objects.select_for_update()
            .filter(user=user, course=course)
            .exclude(status=Enrollment.Status.DROPPED)
            .first()
        )
        if enrollment is None:
            raise EnrollmentError("You are not enrolled in this course.", status=404)
        enrollment.status = Enrollment.Status.DROPPED
        enrollment.save(update_fields=["status"])
        log_activity(user, ActivityType.LEFT, course=course)
    return enrollment


def current_enrollment(user, course_id):
    """The learner's active or completed enrollment in a course, or None."""
    if not user.is_authenticated:
        return None
    return (
        Enrollment.objects.filter(user=user, course_id=course_id)
        .exclude(status=Enrollment.Status.DROPPED)
        .first()
    )


def enrollment_for_lesson(user, lesson, lock=False):
    """The enrollment `lesson` belongs to, refusing lessons the learner may not study."""
    if not lesson.live:
        raise EnrollmentError("This lesson is not published.", status=404)
    step = lesson.steplen
    ancestor_paths = [lesson.path[:end] for end in range(step, len(lesson.path), step)]
    queryset = Enrollment.objects.select_related("course").filter(
        user=user, course__path__in=ancestor_paths
    )
    queryset = queryset.select_for_update(of=("self",)) if lock else queryset
    enrollment = queryset.exclude(status=Enrollment.Status.DROPPED).first()
    if enrollment is None:
        raise EnrollmentError(NOT_ENROLLED, status=403)
    if not lesson.is_visible_to(tier_for(user)):
        raise EnrollmentError("This lesson is part of a higher membership tier.", status=403)
    return enrollment


def record_lesson_visit(user, lesson, at=None):
    """Remember that an enrolled learner opened `lesson` (for "Continue" and resume).

    Returns the lesson's LessonProgress, or None when the viewer is not enrolled or may
    not read the lesson.
    """
    try:
        enrollment = enrollment_for_lesson(user, lesson)
    except EnrollmentError:
        return None
    return record_visit(enrollment, lesson, at)


def record_visit(enrollment, lesson, at=None, progress=UNREAD):
    """record_lesson_visit for a caller that already checked enrollment and tier.

    `progress` is the lesson's LessonProgress (or None when it has none) if the caller
    read it already. A visit moves "Continue" (the enrollment's last lesson) and both
    last_accessed times, in one statement each, and creates the progress row with an
    upsert (parallel first visits make one row). A reload within RECENT_VISIT of the
    recorded visit of the same lesson writes nothing: "Continue" already points there
    and the times would move by seconds.
    """
    at = at or timezone.now()
    if progress is UNREAD:
        progress = LessonProgress.objects.filter(enrollment=enrollment, lesson=lesson).first()
    if progress is not None and _recently_recorded(enrollment, lesson, progress, at):
        return progress
    Enrollment.objects.filter(pk=enrollment.pk).update(last_accessed=at, last_lesson=lesson)
    enrollment.last_accessed, enrollment.last_lesson_id = at, lesson.pk
    if progress is None:
        return _upsert_progress(enrollment, lesson, at)
    LessonProgress.objects.filter(pk=progress.pk).update(last_accessed=at)
    progress.last_accessed = at
    return progress


def _recently_recorded(enrollment, lesson, progress, at):
    """Whether this lesson's visit was recorded less than RECENT_VISIT before `at`."""
    last = enrollment.last_accessed
    return (
        enrollment.last_lesson_id == lesson.pk
        and last is not None
        and at - last < RECENT_VISIT
        and at - progress.last_accessed < RECENT_VISIT
    )


def _upsert_progress(enrollment, lesson, at):
    """The lesson's new progress row, in one upsert: when a parallel first visit made it a
    moment ago, that row gets this visit's time (no IntegrityError, no savepoint), and
    the returned object carries a new row's values, which that row still has."""
    row = LessonProgress(enrollment=enrollment, lesson=lesson, last_accessed=at)
    LessonProgress.objects.bulk_create(
        [row],
        update_conflicts=True,
        unique_fields=["enrollment", "lesson"],
        update_fields=["last_accessed"],
    )
    if row.pk is None:  # databases that do not return ids from an upsert
        return LessonProgress.objects.get(enrollment=enrollment, lesson=lesson)
    return row


def _progress_row(enrollment, lesson, at):
    try:
        with transaction.atomic():
            return LessonProgress.objects.get_or_create(
                enrollment=enrollment, lesson=lesson, defaults={"last_accessed": at}
            )
    except IntegrityError:
        return LessonProgress.objects.get(enrollment=enrollment, lesson=lesson), False


def record_heartbeat(user, lesson, seconds, position=None, duration=None, at=None):
    """Add study time (capped by the time that really passed since the last beat) and,
    for a video, the playback position; a video watched to 90% completes the lesson."""
    at = at or timezone.now()
    with transaction.atomic():
        enrollment = enrollment_for_lesson(user, lesson, lock=True)
        progress, _ = _progress_row(enrollment, lesson, at)
        elapsed = (at - progress.last_accessed).total_seconds()
        added = int(max(0, min(seconds, MAX_HEARTBEAT_SECONDS, elapsed)))
        progress.time_spent = F("time_spent") + added
        progress.last_accessed = at
        fields = ["time_spent", "last_accessed"]
        watched_before = progress.percentage
        if position is not None:
            progress.video_position = int(position)
            fields.append("video_position")
            if duration:
                watched = min(100, math.floor(100 * position / duration))
                progress.percentage = max(progress.percentage, watched)
                fields.append("percentage")
        progress.save(update_fields=fields)
        Enrollment.objects.filter(pk=enrollment.pk).update(
            total_time_spent=F("total_time_spent") + added, last_accessed=at, last_lesson=lesson
        )
        progress.refresh_from_db()
        mark_study_day(user, at)
        crossed = watched_before < VIDEO_COMPLETE_PERCENT <= progress.percentage
        by_video = lesson.lesson_type == LessonType.VIDEO and crossed and not progress.completed
        if by_video and not completes_by_quiz(lesson):
            _complete(enrollment, progress, at, source="video")
    return progress


def complete_lesson(user, lesson, source="manual", at=None):
    """Mark `lesson` complete for `user` (once, however often it is called).

    `source` is "manual" (the learner's button), "video" (90% watched) or
    "assessment" (a passed quiz). A lesson with a required quiz completes only by
    passing it; a quiz lesson without one (self-check questions in the body, or an
    optional quiz) may be marked complete by hand.
    """
    at = at or timezone.now()
    with transaction.atomic():
        enrollment = enrollment_for_lesson(user, lesson, lock=True)
        progress, _ = _progress_row(enrollment, lesson, at)
        progress = LessonProgress.objects.select_for_update().get(pk=progress.pk)
        if progress.completed:
            return progress  # already done: a repeat (or a retry) changes nothing
        if source != "assessment" and completes_by_quiz(lesson):
            raise EnrollmentError("Pass this lesson's quiz to complete it.")
        _complete(enrollment, progress, at, source)
    return progress


def _complete(enrollment, progress, at, source):
    """Inside the caller's transaction, with the enrollment row locked."""
    progress.completed = True
    progress.completed_date = at
    progress.percentage = 100
    progress.last_accessed = at
    progress.save(update_fields=["completed", "completed_date", "percentage", "last_accessed"])
    log_activity(
        enrollment.user,
        ActivityType.LESSON_COMPLETED,
        course=enrollment.course,
        lesson=progress.lesson,
        data={"source": source},
    )
    mark_study_day(enrollment.user, at)
    recompute_progress(enrollment, at=at)


def mark_lesson_incomplete(user, lesson):
    """Undo "Mark complete" (a learner who wants to revisit it); certificates stay."""
    if completes_by_quiz(lesson):
        raise EnrollmentError("A passed quiz keeps its lesson complete.")
    with transaction.atomic():
        enrollment = enrollment_for_lesson(user, lesson, lock=True)
        progress, _ = _progress_row(enrollment, lesson, timezone.now())
        # A video starts over, so the next beats do not complete it again at once.
        progress.completed, progress.completed_date = False, None
        progress.percentage = progress.video_position = 0
        progress.save(update_fields=["completed", "completed_date", "percentage", "video_position"])
        recompute_progress(enrollment)
    return progress


def recompute_progress(enrollment, lesson_ids=None, at=None):
    """Set the enrollment's percentage and status from the course's live lessons.

    Completing every live lesson completes the enrollment (and issues its certificate
    when the course has one); new lessons can make it active again.
    """
    if lesson_ids is None:
        lesson_ids = [lesson.pk for lesson in course_outline(enrollment.course).lessons]
    done = LessonProgress.objects.filter(
        enrollment=enrollment, completed=True, lesson_id__in=lesson_ids
    ).count()
    _apply_progress(enrollment, done, len(lesson_ids), at or timezone.now())


def _apply_progress(enrollment, done, total, at):
    percentage = math.floor(100 * done / total) if total else 0
    finished = total > 0 and done >= total
    fields = {"progress_percentage": percentage}
    first_completion = False
    if enrollment.status != Enrollment.Status.DROPPED:
        if finished and enrollment.status != Enrollment.Status.COMPLETED:
            fields["status"] = Enrollment.Status.COMPLETED
            fields["completion_date"] = enrollment.completion_date or at
            first_completion = enrollment.completion_date is None
        elif not finished and enrollment.status == Enrollment.Status.COMPLETED:
            fields["status"] = Enrollment.Status.ACTIVE
    changed = [name for name, value in fields.items() if getattr(enrollment, name) != value]
    for name in changed:
        setattr(enrollment, name, fields[name])
    if changed:
        enrollment.save(update_fields=changed)
    if first_completion:
        log_activity(enrollment.user, ActivityType.COURSE_COMPLETED, course=enrollment.course)
        notifying.finished(enrollment)
    if enrollment.status == Enrollment.Status.COMPLETED and enrollment.course.has_certificate:
        # Also reached by learners who finished before the course offered a certificate.
        from .certificates.services import issue_certificate

        issue_certificate(enrollment)


def recompute_course_progress(course_id):
    """Recompute every enrollment of a course after its lessons changed (idempotent).

    Each enrollment is recounted under its own row lock, so a lesson completed while
    this runs is never overwritten with an older count. Returns how many changed.
    """

    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None:
        return 0
    lesson_ids = [lesson.pk for lesson in course_outline(course).lessons]
    changed = 0
    for enrollment_id in Enrollment.objects.filter(course=course).values_list("pk", flat=True):
        with transaction.atomic():
            locked = Enrollment.objects.select_for_update(of=("self",)).select_related("course")
            enrollment = locked.get(pk=enrollment_id)
            before = (enrollment.progress_percentage, enrollment.status)
            recompute_progress(enrollment, lesson_ids)
        changed += before != (enrollment.progress_percentage, enrollment.status)
    return changed


def lesson_for_id(lesson_id):
    """A live lesson by id, or an EnrollmentError 404 (ids come from the URL)."""
    lesson = LessonPage.objects.live().public().filter(pk=lesson_id).first()
    if lesson is None:
        raise EnrollmentError("That lesson does not exist.", status=404)
    return lesson
