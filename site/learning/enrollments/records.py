"""Which learners' records an instructor may read: the two rules put together.

A learner's records in a course (enrollment and progress, quiz attempts, flashcard
reviews, activity) are an instructor's to read when they hold MANAGE_STUDENTS on that
course (learning.courses.teaching) and the learner, currently enrolled there, shares that
enrollment with its instructors (sharing.py: their per-course choice, else their account
preference). Both rules are asked, never re-derived; a learner who stops sharing in one
course disappears from that course's lists while staying in another they share. One
query whatever the number of learners: the SQL grows only with the courses taught.
Superusers read everything.
"""

from django.db.models import Exists, OuterRef, Q

from learning.courses.teaching import MANAGE_STUDENTS, taught_courses, teaches_everything

from .sharing import current_shared


def shared_enrollments(user):
    """Current, shared enrollments in the courses where `user` manages students."""
    return current_shared(taught_courses(user, MANAGE_STUDENTS).values("pk"))


def shared_records(user, rows, *, course=None, lesson=None, learner="user"):
    """`rows` narrowed to those `user` may read. `course` is the lookup from a row to its
    CoursePage, or `lesson` the lookup to its LessonPage; `learner` the lookup to the
    learner. Rows with no course are a superuser's alone."""
    if teaches_everything(user):
        return rows
    if course is not None:
        shared_here = shared_enrollments(user).filter(
            course_id=OuterRef(course), user_id=OuterRef(learner)
        )
        return rows.filter(Exists(shared_here))
    below = Q()
    for course_id, path in taught_courses(user, MANAGE_STUDENTS).values_list("pk", "path"):
        sharing = current_shared([course_id]).values("user_id")
        below |= Q(**{f"{lesson}__path__startswith": path, f"{learner}__in": sharing})
    return rows.filter(below) if below else rows.none()
