"""Mock oral pages: plan one, take it one question at a time (with its follow-up),
read the result, or abandon one nothing was graded in.

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
from learning.acs.models import AcsStandard, AcsTask, AirplaneClass

from . import history, services
from .forms import MockOralStartForm
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


def _home(request, standard, standards, form, chosen=None, status=200):
    """The plan page; after a refused start, ``form`` and ``chosen`` (the sections and
    tasks ticked) bring back everything the learner entered."""
    sessions = history.finished_sessions(request.user)
    context = {
        "standards": standards,
        "standard": standard,
        "durations": services.DURATIONS,
        "minutes": (chosen or {}).get("minutes", 30),
        "chosen_sections": set((chosen or {}).get("sections", ())),
        "chosen_tasks": set((chosen or {}).get("tasks", ())),
        "form": form,
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
    return TemplateResponse(request, "learning/orals/home.html", context, status=status)


@learner
@require_safe
def orals_home(request):
    standards, standard = _standard(request.GET)
    form = MockOralStartForm(standard=standard) if standard is not None else None
    return _home(request, standard, standards, form)


@learner
@require_POST
def orals_start(request):
    standard = AcsStandard.objects.filter(pk=as_id(request.POST.get("standard", ""))).first()
    section_ids = _ids(request.POST.getlist("sections"))
    task_ids = _ids(request.POST.getlist("tasks"))
    minutes = as_id(request.POST.get("minutes", ""))
    if standard is None or section_ids is None or task_ids is None or minutes is None:
        return refusal(request, "Choose a standard, what to rehearse and a duration.")
    data = request.POST.copy()
    data.setdefault("airplane_class", AirplaneClass.ASEL)  # single-engine land unless chosen
    form = MockOralStartForm(data, standard=standard)
    if not form.is_valid():
        chosen = {"sections": section_ids, "tasks": task_ids, "minutes": minutes}
        return _home(request, standard, list(AcsStandard.objects.all()), form, chosen, 400)
    session, created = services.start_session(
        request.user,
        standard,
        section_ids=section_ids,
        task_ids=task_ids,
        planned_minutes=minutes,
        airplane_class=form.cleaned_data["airplane_class"],
        knowledge_test_codes=form.cleaned_data["knowledge_test"],
        scenario_id=form.cleaned_data["scenario"],
    )
    message = None if created else "Finish the mock oral you started before planning another."
    return fragment_or_redirect(
        request, None, {}, reverse("orals_session", args=[session.pk]), message
    )


def _current(groups, wanted):
    """The question ?q=N asks for, else the first still to grade, else the first."""
    number = as_id(wanted or "")
    if number is not None and 1 <= number <= len(groups):
        return groups[number - 1]
    waiting = (group for group in groups if any(map(services.needs_grading, group)))
    return next(waiting, groups[0] if groups else None)


@learner
@require_safe
def orals_session(request, session_id):
    session = services.session_for(request.user, session_id)
    if session.completed_at is not None:
        return redirect("orals_result", session.pk)
    items = list(
        session.items.select_related("element__task__area", "question__reviewed_by__profile")
    )
    tested = set(session.knowledge_test_codes)
    for each in items:
        each.from_knowledge_test = each.element.code in tested
    groups = services.question_groups(items)
    current = _current(groups, request.GET.get("q"))
    ends_at = session.started_at + datetime.timedelta(minutes=session.planned_minutes)
    elapsed = max(0, int((timezone.now() - session.started_at).total_seconds() // 60))
    ungraded = sum(1 for item in items if not item.grade)
    context = {
        "session": session,
        "scenario": session.scenario,
        "skipped_tasks": list(session.skipped_tasks.all()),
        "deferred_tasks": list(session.deferred_tasks.all()),
        "items": items,
        "covered_tasks": list({each.element.task.pk: each.element.task for each in items}.values()),
        "groups": groups,
        "group": current,
        "item": current[0] if current else None,
        "number": groups.index(current) + 1 if current else 0,
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
        request.user,
        session_id,
        item_id,
        str(request.POST.get("grade", "")),
        part=str(request.POST.get("part", services.ANSWER)),
    )
    items = list(item.session.items.order_by("order"))
    groups = services.question_groups(items)
    numbered = list(enumerate(groups, start=1))
    number = next(n for n, group in numbered if item.pk in {each.pk for each in group})
    waiting = [n for n, group in numbered if any(map(services.needs_grading, group))]
    if number not in waiting:
        number = next((n for n in waiting if n > number), waiting[0] if waiting else number)
    url = reverse("orals_session", args=[session_id]) + f"?q={number}"
    message = f"Graded: {Grade(item.grade).label}."
    if item.follow_up_pending:
        message += " Now answer the follow-up question."
    return fragment_or_redirect(request, None, {}, url, message)


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
