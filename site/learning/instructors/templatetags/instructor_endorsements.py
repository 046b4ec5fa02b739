"""The endorsements panel of an instructor's student page (owned by the endorsements
part; the roster part's student page calls `{% student_endorsements_panel student %}`).

It lists the student's endorsements the viewer may see (access.visible_to) with their
status, and offers "Write an endorsement" when the viewer may endorse this student.
Two queries whatever the number of endorsements.
"""

from django import template
from django.template.loader import render_to_string

from learning.instructors.endorsements import access

register = template.Library()


@register.simple_tag(takes_context=True)
def student_endorsements_panel(context, student):
    viewer = context["request"].user
    may_endorse = access.endorsing_course_id(viewer, student) is not None
    endorsements = list(access.visible_to(viewer, student, may_endorse))
    for endorsement in endorsements:
        endorsement.viewer_manages = access.may_manage(viewer, endorsement)
    return render_to_string(
        "learning/instructors/endorsements/admin/panel.html",
        {
            "student": student,
            "endorsements": endorsements,
            "endorse_url": access.endorse_url(student) if may_endorse else "",
        },
        request=context["request"],
    )
