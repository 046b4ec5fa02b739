"""Site search over courses and lessons that never reveals what a searcher may not read.

Lessons the searcher may read in full match on everything indexed; the rest match on
title and summary only, so a premium word never pulls a locked lesson into the results.
Gated sections are left out of the index altogether (blocks.stream_text).
Results show titles and summaries (the public teaser), never body excerpts.
"""

from urllib.parse import urlencode

from django.db.models import Q
from django.template.response import TemplateResponse

from core.pagination import paginate
from core.query import MAX_QUERY_LENGTH, search_text

from .access import levels_visible_to, viewer_tier
from .models import CoursePage, LessonPage

COURSE_LIMIT = 6
LESSON_LIMIT = 200  # bound the work per request; nobody pages past this
MAX_TEASER_WORDS = 8


def search_lessons(query, tier):
    lessons = LessonPage.objects.live().public().defer_streamfields().defer("transcript")
    readable = Q(is_free_preview=True) | Q(access_level__in=levels_visible_to(tier))
    full = list(lessons.filter(readable).search(query)[:LESSON_LIMIT])
    teaser_only = list(teaser_matches(lessons.exclude(readable), query)[:LESSON_LIMIT])
    return full + teaser_only


def teaser_matches(lessons, query):
    """Lessons whose title or summary holds every word of the query.

    Plain SQL rather than the search index, because the index also holds the body;
    restricting a full-text query to some fields is not supported by every backend.
    """
    for word in query.split()[:MAX_TEASER_WORDS]:
        lessons = lessons.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    return lessons.order_by("title")


def attach_courses(lessons):
    """Set `lesson.course` for each lesson with one query."""
    step = CoursePage.steplen
    prefixes = {
        lesson.path[:end] for lesson in lessons for end in range(step, len(lesson.path), step)
    }
    courses = {
        course.path: course
        for course in CoursePage.objects.filter(path__in=prefixes).defer_streamfields()
    }
    for lesson in lessons:
        lesson.course = next(
            (course for path, course in courses.items() if lesson.path.startswith(path)), None
        )


def search(request):
    query = search_text(request.GET, "q", MAX_QUERY_LENGTH)
    tier = viewer_tier(request)
    context = {"query": query, "viewer_tier": tier, "notices": []}
    if query:
        context["courses"] = list(
            CoursePage.objects.live().public().defer_streamfields().search(query)[:COURSE_LIMIT]
        )
        lessons = search_lessons(query, tier)
        page = paginate(lessons, request.GET.get("page"), context["notices"])
        attach_courses(page.object_list)
        for lesson in page.object_list:
            lesson.locked = not lesson.is_visible_to(tier)
        context.update(
            lessons=page,
            result_count=len(context["courses"]) + len(lessons),
            paginator_query=urlencode({"q": query}),
        )
    return TemplateResponse(request, "learning/courses/search.html", context)
