"""Enrollment views: thin wrappers that call services and answer page or fragment."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.http import require_POST


@login_required
def dashboard(request):
    return HttpResponse("")


@require_POST
def enroll(request, course_id):
    return HttpResponse("")


@require_POST
def leave(request, course_id):
    return HttpResponse("")


@require_POST
def complete(request, lesson_id):
    return HttpResponse("")


@require_POST
def incomplete(request, lesson_id):
    return HttpResponse("")


@require_POST
def heartbeat(request, lesson_id):
    return HttpResponse("")
