"""Which courses a user teaches: the one rule for every view that shows an instructor
learners' work (mock orals, quiz attempts, flashcard reviews, enrollments and progress).

A user teaches a course when they are credited on it (CourseInstructor, the
"Instructors" panel of the course page). Wagtail page permissions do not count: the
Instructors group may edit every course page, which lets them write content, not read
the records of learners in courses they do not teach. Superusers teach every course;
anonymous and inactive users none.
"""

from django.db.models import Q

from .models import CourseInstructor, CoursePage, LessonPage


def teaches_everything(user):
    return bool(user is not None and user.is_active and user.is_superuser)


def instructor_ids(course_id):
    """The ids of the users credited on the course (superusers are not credited)."""
    return list(
        CourseInstructor.objects.filter(page_id=course_id).values_list("user_id", flat=True)
    )


def taught_courses(user):
    """The courses `user` teaches, as a queryset."""
    if user is None or not user.is_authenticated or not user.is_active:
        return CoursePage.objects.none()
    if user.is_superuser:
        return CoursePage.objects.all()
    return CoursePage.objects.filter(
        pk__in=CourseInstructor.objects.filter(user=user).values("page_id")
    )


def taught_lessons(user):
    """The lessons of the courses `user` teaches (lessons sit below their course page)."""
    if teaches_everything(user):
        return LessonPage.objects.all()
    paths = list(taught_courses(user).values_list("path", flat=True))
    if not paths:
        return LessonPage.objects.none()
    below = Q()
    for path in paths:
        below |= Q(path__startswith=path)
    return LessonPage.objects.filter(below)


def limit_to_taught(user, queryset, *, course=None, lesson=None):
    """`queryset` narrowed to the rows of courses `user` teaches (all rows for a
    superuser): `course` is the lookup from a row to its CoursePage, or `lesson` the
    lookup to its LessonPage. Rows with no course are a superuser's alone."""
    if teaches_everything(user):
        return queryset
    if course is not None:
        return queryset.filter(**{f"{course}__in": taught_courses(user)})
    return queryset.filter(**{f"{lesson}__in": taught_lessons(user)})
