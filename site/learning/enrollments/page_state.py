"""A signed-in viewer's own state on a course, module or lesson page, read once per request.

Those pages show, for the viewer alone: their enrollment in the course, the lessons they
completed (check marks, progress bar, "Continue"), whether they bookmarked the page and,
on a lesson, its LessonProgress (completion box, video resume). Each template tag used
to ask for its own piece; this reads them all in two queries, flat in the size of the
course and the learner's history:

1. the enrollment (whatever its status) with the page's bookmark id annotated;
2. the enrollment's completed lessons and the page's own progress row, as plain values.

Without an enrollment the bookmark costs its own query, so the count stays two. Nothing
is cached across requests: a learner's own writes show on their next page view.
"""

from dataclasses import dataclass, field

from django.db.models import Q, Subquery

from .models import Bookmark, Enrollment, LessonProgress

STATE_ATTR = "_learner_page_state"
UNKNOWN = object()  # the bookmark was not read with the enrollment (no enrollment row)
PROGRESS_FIELDS = tuple(f.attname for f in LessonProgress._meta.concrete_fields)


@dataclass
class PageState:
    user_id: int
    page_id: int
    scope: int | None  # the course asked for; None: whichever course is above the page
    enrollment: Enrollment | None
    bookmark_id: object = UNKNOWN
    completed_ids: set = field(default_factory=set)
    page_progress: LessonProgress | None = None

    @property
    def course_id(self):
        return self.enrollment.course_id if self.enrollment is not None else None


def ancestor_paths(page):
    step = page.steplen
    return [page.path[:end] for end in range(step, len(page.path), step)]


def read_page_state(user, page, course_id=None):
    """The viewer's state on `page`, in the course `course_id` (or, for a lesson opened
    before its course is known, the course above it)."""
    enrollments = Enrollment.objects.filter(user=user)
    if course_id is not None:
        enrollments = enrollments.filter(course_id=course_id)
    else:
        enrollments = enrollments.filter(course__path__in=ancestor_paths(page))
    bookmark = Bookmark.objects.filter(user=user, page_id=page.pk).values("pk")[:1]
    enrollment = (
        enrollments.select_related("certificate")
        .annotate(page_bookmark_id=Subquery(bookmark))
        .first()
    )
    if enrollment is None:
        return PageState(user.pk, page.pk, course_id, None)
    state = PageState(user.pk, page.pk, course_id, enrollment, enrollment.page_bookmark_id)
    rows = LessonProgress.objects.filter(enrollment=enrollment).filter(
        Q(completed=True) | Q(lesson_id=page.pk)
    )
    lesson_at, completed_at = PROGRESS_FIELDS.index("lesson_id"), PROGRESS_FIELDS.index("completed")
    for row in rows.order_by().values_list(*PROGRESS_FIELDS):
        if row[completed_at]:
            state.completed_ids.add(row[lesson_at])
        if row[lesson_at] == page.pk:
            state.page_progress = LessonProgress.from_db(rows.db, PROGRESS_FIELDS, row)
    return state


def page_state(request, page, course_id=None):
    """The request's PageState for `page` (read on first use, then shared by the visit
    hook and every template tag); None for guests and unsaved pages."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or page is None or page.pk is None:
        return None
    state = getattr(request, STATE_ATTR, None)
    if _fits(state, user, page, course_id):
        return state
    state = read_page_state(user, page, course_id)
    setattr(request, STATE_ATTR, state)
    return state


def _fits(state, user, page, course_id):
    """Whether a state already read answers for (user, page, course): a lesson's state,
    read for the course above it, answers for that course too."""
    if state is None or state.user_id != user.pk or state.page_id != page.pk:
        return False
    if course_id is None or state.scope == course_id:
        return True
    if state.enrollment is not None:
        return state.course_id == course_id
    return state.scope is None


def page_bookmark(request, page):
    """The viewer's Bookmark of `page` (only its id is loaded), or None; read with the
    page state when there is one."""
    state = getattr(request, STATE_ATTR, None)
    user = request.user
    read = state is not None and state.bookmark_id is not UNKNOWN
    if read and state.user_id == user.pk and state.page_id == page.pk:
        found = state.bookmark_id
        return Bookmark(pk=found, user_id=user.pk, page_id=page.pk) if found else None
    return Bookmark.objects.filter(user=user, page_id=page.pk).first()
