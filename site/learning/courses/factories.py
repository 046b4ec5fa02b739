"""Build course trees for tests and benchmarks: catalog > course > module > lesson.

Plain functions rather than factory classes, because a page must be added under its
parent with treebeard's add_child. Pages are created live without revisions (fast);
`publish=True` goes through Wagtail's revision/publish path and its signals instead.
"""

from itertools import count

from wagtail.models import Site

from .access import AccessLevel
from .models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from .services import refresh_course_totals

_serial = count(1)


def _add(parent, page, publish):
    page.slug = page.slug or f"{page._meta.model_name}-{next(_serial)}"
    page.live = not publish
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def make_catalog(title="Courses", slug="courses", publish=False, **fields):
    home = Site.objects.get(is_default_site=True).root_page
    return _add(home, CourseIndexPage(title=title, slug=slug, **fields), publish)


def make_course(catalog, title="Instrument Rating Essentials", publish=False, **fields):
    fields.setdefault("summary", f"{title}: everything the checkride expects.")
    return _add(catalog, CoursePage(title=title, **fields), publish)


def make_module(course, title="Airspace", publish=False, **fields):
    return _add(course, ModulePage(title=title, **fields), publish)


def make_lesson(module, title="Class B airspace", publish=False, **fields):
    fields.setdefault("summary", f"What a pilot must know about {title}.")
    fields.setdefault("access_level", AccessLevel.REGISTERED)
    return _add(module, LessonPage(title=title, **fields), publish)


def build_course(catalog, modules=2, lessons_per_module=3, **fields):
    """A live course with `modules` x `lessons_per_module` lessons, totals up to date."""
    course = make_course(catalog, **fields)
    for m in range(1, modules + 1):
        module = make_module(course, title=f"Module {m}")
        for n in range(1, lessons_per_module + 1):
            make_lesson(module, title=f"Lesson {m}.{n}", duration_minutes=10)
    refresh_course_totals(course.pk)
    course.refresh_from_db()
    return course
