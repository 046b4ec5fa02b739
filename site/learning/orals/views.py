"""Mock oral pages: plan one, take it one question at a time, read the result, or
abandon one nothing was graded in.

Every page is per-user (never cached); another learner's session answers 404. Writes go
through services and answer with a redirect (PRG) or a refusal with a 4xx status.
"""

import datetime

from django.db.models import Prefetch
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from accounts.standing import learner_required
from core.fragments import fragment_or_redirect, refusal
from core.query import as_id
from learning.acs.models import AcsStandard, AcsTask

from . import history, services
from .models import Grade, MockOralSection
from .results import result_context

UNVERIFIED = "Confirm your email address before you rehearse the oral exam."

learner = learner_required(
    "Log in to rehearse your oral exam.",
    lambda request, **kwargs: reverse("orals_home"),
    UNVERIFIED,
)


def _ids(values):
    """Ids from a form's list, or None when any of them is not an id."""
    ids = [as_id(value) for value in values]
    return None if None in ids else ids


def _standard(params):
    standards = list(AcsStandard.objects.all())
    wanted = as_id(params.get("standard", ""))
    chosen = next((s for s in standards if s.pk == wanted), standards[0] if standards else None)
    return standards, chosen


@learner
@require_safe
def orals_home(request):
    standards, standard = _standard(request.GET)
    sessions = history.finished_sessions(request.user)
    context = {
        "standards": standards,
        "standard": standard,
        "durations": services.DURATIONS,
        "open_session": services.open_session_summary(request.user),
        "sessions": sessions,
        "trends": history.trends(request.user, sessions),
        "spark": (history.SPARK_WIDTH, history.SPARK_HEIGHT),
    }
    if standard is not None:
        context["areas"] = standard.areas.prefetch_related(
            Prefetch("tasks", queryset=AcsTask.objects.order_by("order"))
        )
        context["sections"] = MockOralSection.objects.filter(standard=standard)
    return TemplateResponse(request, "learning/orals/home.html", context)


@learner
@require_POST
def orals_start(request):
    standard = AcsStandard.objects.filter(pk=as_id(request.POST.get("standard", ""))).first()
    section_ids = _ids(request.POST.getlist("sections"))
    task_ids = _ids(request.POST.getlist("tasks"))
    minutes = as_id(request.POST.get("minutes", ""))
    if standard is None or section_ids is None or task_ids is None or minutes is None:
        return refusal(request, "Choose a standard, what to rehearse and a duration.")
    session, created = services.start_session(
        request.user,
        standard,
        section_ids=section_ids,
        task_ids=task_ids,
        planned_minutes=minutes,
    )
    message = None if created else "Finish the mock oral you started before planning another."
    return fragment_or_redirect(
        request, None, {}, reverse("orals_session", args=[session.pk]), message
    )


def _current(items, wanted):
    """The item ?q=N asks for, else the first ungraded one, else the first."""
    number = as_id(wanted or "")
    if number is not None and 1 <= number <= len(items):
        return items[number - 1]
    return next((item for item in items if not item.grade), items[0] if items else None)


@learner
@require_safe
def orals_session(request, session_id):
    session = services.session_for(request.user, session_id)
    if session.completed_at is not None:
        return redirect("orals_result", session.pk)
    items = list(session.items.select_related("element__task__area", "question"))
    current = _current(items, request.GET.get("q"))
    ends_at = session.started_at + datetime.timedelta(minutes=session.planned_minutes)
    elapsed = max(0, int((timezone.now() - session.started_at).total_seconds() // 60))
    ungraded = sum(1 for item in items if not item.grade)
    context = {
        "session": session,
        "items": items,
        "item": current,
        "number": items.index(current) + 1 if current else 0,
        "ungraded": ungraded,
        "grades": Grade.choices,
        "ends_at": ends_at,
        "elapsed": elapsed,
        "zone": request.user.preferences.zone,
        "grading_other": session.user_id != request.user.pk,
        "graded": len(items) - ungraded,
    }
    return TemplateResponse(request, "learning/orals/session.html", context)


@learner
@require_POST
def orals_grade(request, session_id, item_id):
    services.session_for(request.user, session_id)
    item = services.grade_item(
        request.user, session_id, item_id, str(request.POST.get("grade", ""))
    )
    ungraded = item.session.items.filter(grade="").order_by("order").values_list("order")
    later = ungraded.filter(order__gt=item.order).first() or ungraded.first()
    url = reverse("orals_session", args=[session_id]) + f"?q={later[0] if later else item.order}"
    return fragment_or_redirect(request, None, {}, url, f"Graded: {item.get_grade_display()}.")


@learner
@require_POST
def orals_finish(request, session_id):
    services.session_for(request.user, session_id)
    services.finish_session(request.user, session_id)
    return fragment_or_redirect(
        request, None, {}, reverse("orals_result", args=[session_id]), "Mock oral finished."
    )


@learner
@require_POST
def orals_abandon(request, session_id):
    services.session_for(request.user, session_id)
    services.abandon_session(request.user, session_id)
    return fragment_or_redirect(
        request, None, {}, reverse("orals_home"), "Mock oral abandoned: plan a new one."
    )


@learner
@require_safe
def orals_result(request, session_id):
    session = services.session_for(request.user, session_id)
    if session.completed_at is None:
        return redirect("orals_session", session.pk)
    context = result_context(session)
    context["zone"] = request.user.preferences.zone
    return TemplateResponse(request, "learning/orals/result.html", context)
