"""Cached, viewer-independent parts of course, module and lesson pages.

Everything here is the same for every viewer of a tier: the course outline, a lesson's
downloads and its rendered body. Entries are keyed by the content generation
(pages.content_generation), which changes on any page, restriction, image or document
change, so none of them needs invalidating by hand. Nothing is ever cached per user;
the lesson body is cached per tier, and the key carries the tier so a premium rendering
can never be read for a lower one.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.safestring import mark_safe

from pages.content_generation import ENTRY_SECONDS, content_generation

from .access import lesson_tier
from .outline import CourseOutline, ModuleOutline, course_outlines


@dataclass(frozen=True)
class OutlineModule:
    """A module as the outline shows it (ModuleOutline.page)."""

    pk: int
    title: str
    url: str
    path: str
    duration_minutes: int | None

    @property
    def id(self):
        return self.pk


@dataclass(frozen=True)
class OutlineLesson:
    """A lesson as outlines, pagers, badges and progress need it: plain data, small to
    cache and quick to read back, with the tier rule of LessonPage."""

    pk: int
    title: str
    url: str
    path: str
    duration_minutes: int
    access_level: str
    is_free_preview: bool
    lesson_type: str

    @property
    def id(self):
        return self.pk

    @property
    def required_tier(self):
        return lesson_tier(self.access_level, self.is_free_preview)

    def is_visible_to(self, tier):
        return tier >= self.required_tier

    def get_lesson_type_display(self):
        from .models import LessonType

        return LessonType(self.lesson_type).label if self.lesson_type in LessonType else ""


def _plain_module(page):
    return OutlineModule(page.pk, page.title, page.get_url(), page.path, page.duration_minutes)


def _plain_lesson(page):
    return OutlineLesson(
        pk=page.pk,
        title=page.title,
        url=page.get_url(),
        path=page.path,
        duration_minutes=page.duration_minutes,
        access_level=page.access_level,
        is_free_preview=page.is_free_preview,
        lesson_type=page.lesson_type,
    )


def _plain_outline(live):
    return CourseOutline(
        [
            ModuleOutline(_plain_module(m.page), [_plain_lesson(x) for x in m.lessons])
            for m in live.modules
        ]
    )


def cached_outline(course):
    """course_outline(course) as plain data, read from the cache (`course` needs only pk,
    path and depth: a CoursePage or its breadcrumb)."""
    return cached_outlines([course])[course.pk]


def cached_outlines(courses):
    """{course id: plain outline} for several courses (the dashboard's): one cache round
    trip, and the courses missing from it read together in course_outlines' fixed number
    of queries, however many courses there are."""
    courses = {course.pk: course for course in courses}
    generation = content_generation()
    keys = {pk: f"course-outline:{generation}:{pk}" for pk in courses}
    found = cache.get_many(keys.values())
    outlines = {pk: found[key] for pk, key in keys.items() if key in found}
    missing = [course for pk, course in courses.items() if pk not in outlines]
    if missing:
        fresh = {pk: _plain_outline(live) for pk, live in course_outlines(missing).items()}
        cache.set_many({keys[pk]: outline for pk, outline in fresh.items()}, ENTRY_SECONDS)
        outlines.update(fresh)
    return outlines


@dataclass(frozen=True)
class Download:
    """A lesson's downloadable file (LessonResource) as the download list shows it."""

    title: str
    url: str
    extension: str
    is_premium: bool

    def tier_needed(self, lesson_tier_):
        from accounts.tiers import Tier

        return max(lesson_tier_, Tier.PREMIUM) if self.is_premium else lesson_tier_


def lesson_downloads(lesson):
    """Every download of `lesson`, in order, whoever views it (filtered per tier by
    the caller, never cached filtered)."""
    key = f"lesson-downloads:{content_generation()}:{lesson.pk}"
    downloads = cache.get(key)
    if downloads is None:
        downloads = [
            Download(r.display_title, r.document.url, r.document.file_extension, r.is_premium)
            for r in lesson.resources.select_related("document")
        ]
        cache.set(key, downloads, ENTRY_SECONDS)
    return downloads


def lesson_body_html(lesson, context):
    """The lesson body rendered for the context's viewer tier, as `{% include_block %}`
    of each block would; cached per lesson, live revision, tier and address (gated
    sections link to sign-up with the address to come back to). Previews and unsaved
    pages are rendered afresh."""
    request = context.get("request")
    flat = context.flatten()
    if lesson.pk is None or request is None or getattr(request, "is_preview", False):
        return _render_body(lesson, flat)
    tier = int(context["viewer_tier"])
    where = hashlib.blake2b(request.path.encode(), digest_size=8).hexdigest()
    key = f"lesson-body:{content_generation()}:{lesson.pk}:{lesson.live_revision_id}:{tier}:{where}"
    html = cache.get(key)
    if html is None:
        html = str(_render_body(lesson, flat))
        cache.set(key, html, ENTRY_SECONDS)
    return mark_safe(html)  # noqa: S308 (our own rendering, read back unchanged)


def _render_body(lesson, flat_context):
    return mark_safe("".join(child.render_as_block(context=flat_context) for child in lesson.body))  # noqa: S308
