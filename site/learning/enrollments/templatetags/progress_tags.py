"""The viewer's progress for course, module and lesson page templates.

Page models know nothing of enrollments (they sit below it); their templates ask here:
`{% course_progress as progress %}` for check marks, progress bar and "Continue", and
`{% lesson_visit as lesson_progress %}` for the lesson the viewer has just opened (the
visit is recorded by a before_serve_page hook, see enrollments.visits).
"""

from django import template

from ..progress import learner_progress
from ..services import completes_by_quiz as lesson_completes_by_quiz
from ..visits import visit_for

register = template.Library()
MEMO_ATTR = "_course_progress"


@register.simple_tag(takes_context=True)
def course_progress(context):
    """The viewer's LearnerProgress in the page's `course` along its `outline`; computed
    once per request, reusing the enrollment the lesson visit already read."""
    request = context.get("request")
    course, outline = context.get("course"), context.get("outline")
    if request is None or course is None or outline is None:
        return None
    memo = getattr(request, MEMO_ATTR, None)
    if memo is not None and memo[0] == course.pk:
        return memo[1]
    visit = visit_for(request)
    progress = learner_progress(request.user, course, outline, visit.enrollment if visit else None)
    setattr(request, MEMO_ATTR, (course.pk, progress))
    return progress


@register.simple_tag(takes_context=True)
def lesson_visit(context):
    """The LessonProgress of the lesson being served, when its visit was recorded
    (an enrolled learner who may read it); None otherwise."""
    request = context.get("request")
    visit = visit_for(request) if request is not None else None
    page = context.get("page")
    if visit is None or page is None or visit.progress.lesson_id != page.pk:
        return None
    return visit.progress


@register.filter
def completes_by_quiz(lesson):
    """Whether passing the lesson's required quiz is what completes it."""
    return lesson_completes_by_quiz(lesson)
