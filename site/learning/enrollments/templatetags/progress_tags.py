"""The viewer's progress for course, module and lesson page templates.

Page models know nothing of enrollments (they sit below it); their templates ask here:
`{% course_progress as progress %}` for check marks, progress bar and "Continue", and
`{% lesson_visit as lesson_progress %}` for the lesson the viewer has just opened (the
visit is recorded by a before_serve_page hook, see enrollments.visits).
"""

from django import template
from django.core.exceptions import FieldDoesNotExist

from accounts.tiers import tier_for

from ..page_state import page_state
from ..progress import LearnerProgress
from ..services import completes_by_quiz as lesson_completes_by_quiz
from ..visits import visit_for

register = template.Library()
MEMO_ATTR = "_course_progress"


@register.simple_tag(takes_context=True)
def course_progress(context):
    """The viewer's LearnerProgress in the page's `course` along its `outline`; computed
    once per request from the viewer's page state (which the lesson visit already read
    on a lesson page): no query of its own."""
    request = context.get("request")
    course, outline = context.get("course"), context.get("outline")
    if request is None or course is None or outline is None:
        return None
    memo = getattr(request, MEMO_ATTR, None)
    if memo is not None and memo[0] == course.pk:
        return memo[1]
    user = request.user
    state = page_state(request, context.get("page") or course, course.pk)
    if state is None:
        progress = LearnerProgress(outline)
    else:
        progress = LearnerProgress(outline, state.enrollment, state.completed_ids, tier_for(user))
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
    """Whether passing the lesson's required quiz is what completes it: from the quiz the
    page's quiz panel already loaded onto the lesson (its reverse `assessment`
    accessor's cache) when it did, else one query."""
    relation = _assessment_relation(lesson)
    if relation is not None and relation.is_cached(lesson):
        quiz = relation.get_cached_value(lesson)
        return bool(quiz is not None and quiz.required_for_certificate)
    return lesson_completes_by_quiz(lesson)


def _assessment_relation(lesson):
    try:
        return type(lesson)._meta.get_field("assessment")
    except FieldDoesNotExist:
        return None
