"""The feedback panel of an instructor's student page (owned by the grading part; the
roster part's student page calls `{% student_feedback_panel student %}`).

It lists the student's most recent submitted quiz attempts and completed mock orals
that the viewer may comment on (grading.access: the same rule as the feedback pages),
with "Give feedback" links and whether feedback was given. Three queries: the viewer's
managed courses, the attempts, the sessions with their comment counts.
"""

from django import template
from django.db.models import Count, Q
from django.template.loader import render_to_string

from ..grading.access import completed_sessions, gradable_attempts

register = template.Library()

RECENT = 10


@register.simple_tag(takes_context=True)
def student_feedback_panel(context, student):
    request = context.get("request")
    viewer = getattr(request, "user", None)
    if viewer is None or not viewer.is_authenticated:
        return ""
    attempts = list(
        gradable_attempts(viewer)
        .filter(user_id=student.pk)
        .select_related("assessment")
        .order_by("-submitted_at", "-pk")[:RECENT]
    )
    sessions = list(
        completed_sessions(viewer)
        .filter(user_id=student.pk)
        .annotate(comment_count=Count("items", filter=~Q(items__instructor_comment="")))
        .order_by("-completed_at", "-pk")[:RECENT]
    )
    return render_to_string(
        "learning/instructors/grading/panel.html",
        {"attempts": attempts, "sessions": sessions, "student": student},
        request=request,
    )
