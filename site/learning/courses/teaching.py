"""Which courses a user teaches, and with which rights: the one rule for every view that
shows an instructor learners' work (mock orals, quiz attempts, flashcard reviews,
enrollments and progress, rosters, endorsements) or a course's analytics.

A user teaches a course when an active CourseInstructor row credits them on it (the
"Instructors" panel of the course page). Each row carries three rights: EDIT_CONTENT
(the course's page tree; courses.team_access mirrors it into Wagtail page permissions),
MANAGE_STUDENTS (learners' records, grading, cohorts, endorsements) and VIEW_ANALYTICS.
Wagtail page permissions alone never count. Superusers teach every course with every
right; anonymous and inactive users none.
"""

from django.db.models import Q

from .models import CourseInstructor, CoursePage, LessonPage


def teaches_everything(user):
    return bool(user is not None and user.is_active and user.is_superuser)


EDIT_CONTENT = "can_edit_content"
MANAGE_STUDENTS = "can_manage_students"
VIEW_ANALYTICS = "can_view_analytics"
RIGHTS = (EDIT_CONTENT, MANAGE_STUDENTS, VIEW_ANALYTICS)


def active_credits(right=None):
    """Active CourseInstructor rows, holding `right` when one is named."""
    rows = CourseInstructor.objects.filter(is_active=True)
    if right is not None:
        if right not in RIGHTS:
            raise ValueError(f"Unknown instructor right {right!r}")
        rows = rows.filter(**{right: True})
    return rows


def instructor_ids(course_id, right=None):
    """The ids of the users actively credited on the course (superusers are not
    credited), holding `right` when one is named."""
    return list(active_credits(right).filter(page_id=course_id).values_list("user_id", flat=True))


def taught_courses(user, right=None):
    """The courses `user` teaches (with `right`, when named), as a queryset."""
    if user is None or not user.is_authenticated or not user.is_active:
        return CoursePage.objects.none()
    if user.is_superuser:
        return CoursePage.objects.all()
    return CoursePage.objects.filter(
        pk__in=active_credits(right).filter(user=user).values("page_id")
    )


def has_right(user, course_id, right):
    """Whether `user` holds `right` on the course with id `course_id`."""
    return taught_courses(user, right).filter(pk=course_id).exists()


def credits_of(user):
    """{course id: active CourseInstructor row} of `user`, read once per user object: the
    admin menu and home ask "does this user teach, with which right?" several times a
    request, and request.user lives for one request."""
    if user is None or not user.is_authenticated or not user.is_active:
        return {}
    cached = getattr(user, "_active_course_credits", None)
    if cached is None:
        rows = active_credits().filter(user=user).only("page_id", *RIGHTS)
        cached = {row.page_id: row for row in rows}
        user._active_course_credits = cached
    return cached


def holds_right(user, right=None):
    """Whether `user` is actively credited on at least one course (holding `right` there,
    when named). Superusers are not credited: this is about their own courses."""
    return any(right is None or getattr(row, right) for row in credits_of(user).values())


def credited_courses(user, right=None):
    """The courses `user` is actively credited on (with `right`, when named), superusers
    included only where credited: "my courses" on an admin home, not the platform's."""
    ids = [pk for pk, row in credits_of(user).items() if right is None or getattr(row, right)]
    return CoursePage.objects.filter(pk__in=ids)


def teaches_any(user):
    """Whether `user` is actively credited on at least one course, or a superuser."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or holds_right(user)


def taught_lessons(user, right=None):
    """The lessons of the courses `user` teaches (lessons sit below their course page)."""
    if teaches_everything(user):
        return LessonPage.objects.all()
    paths = list(taught_courses(user, right).values_list("path", flat=True))
    if not paths:
        return LessonPage.objects.none()
    below = Q()
    for path in paths:
        below |= Q(path__startswith=path)
    return LessonPage.objects.filter(below)


def limit_to_taught(user, queryset, *, course=None, lesson=None, right=None):
    """`queryset` narrowed to the rows of courses `user` teaches (with `right`, when
    named; all rows for a superuser): `course` is the lookup from a row to its
    CoursePage, or `lesson` the lookup to its LessonPage. Rows with no course are a
    superuser's alone."""
    if teaches_everything(user):
        return queryset
    if course is not None:
        return queryset.filter(**{f"{course}__in": taught_courses(user, right)})
    return queryset.filter(**{f"{lesson}__in": taught_lessons(user, right)})
