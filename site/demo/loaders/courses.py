"""Demo course catalog for `load_demo`: categories, the catalog and Premium pages, two courses.

The words live in demo/data/courses (catalog.json, and per course a course.json plus one
file of lessons per module); this module only puts them in the page tree. Bodies use
Wagtail's raw StreamField form, a list of {"type", "value"} dicts with the block names of
blocks.LessonBodyBlock; a course's requirements, skills and objectives are plain lists of
lines, wrapped here as ListItemsBlock items.

Like the pages loader it never overwrites an editor's work: a page that already exists by
slug under its parent is left exactly as it is (its missing children are still added),
and snippets are created only when their slug is free. Every new page is published with a
revision, so it is live and editable in the admin like any other page.
"""

import copy
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Site

from accounts.roles import instructors_group
from demo.art.library import category_image, course_image
from demo.words import decimal, read
from learning.courses.models import (
    CourseIndexPage,
    CourseInstructor,
    CoursePage,
    LessonPage,
    ModulePage,
)
from pages.models import HomePage, StandardPage
from snippets.models import Category

# Keys of the content dicts that are not page fields: the loader resolves them itself.
COURSE_EXTRAS = {"category", "discount_days", "modules"}
LIST_FIELDS = ("requirements", "skills", "learning_objectives")
MODULE_EXTRAS = {"lessons"}
PRICE_FIELDS = ("price", "discount_price")
# The day the demo instructor last checked each course's lessons against 14 CFR, the AIM
# and the ACS (the course slug -> that date). A fixed date, not the day of loading: the
# line "current as of" must stay true, and a demo loaded a year on shows it due for
# review. A course not listed here has not been reviewed and is left without a reviewer,
# so the staff list "Content due for review" has something to show.
REVIEWED_ON = {"private-pilot-checkride-prep": date(2026, 12, 3)}


def read_course(slug):
    """A course's content dict, its modules' lessons read in and its prices as Decimals."""
    course = read("courses", slug, "course.json")
    for name in PRICE_FIELDS:
        if name in course:
            course[name] = decimal(course[name])
    for module in course["modules"]:
        module["lessons"] = read("courses", slug, f"{module['slug']}.json")
    return course


CATALOG = read("courses", "catalog.json")
INSTRUCTOR_EMAIL = CATALOG["instructor_email"]
CATEGORIES = CATALOG["categories"]
COURSE_INDEX = CATALOG["course_index"]
PREMIUM_PAGE = CATALOG["premium_page"]
COURSES = [read_course(slug) for slug in CATALOG["courses"]]


def page_fields(spec, extras=()):
    """The page's own fields from a content dict, deep-copied: Wagtail may annotate the raw
    StreamField data it is given (block ids), and the module-level data must stay pristine."""
    return copy.deepcopy({key: value for key, value in spec.items() if key not in extras})


def list_items(lines):
    """ListItemsBlock stream data for a plain list of lines."""
    return [{"type": "item", "value": line} for line in lines]


class CatalogLoader:
    """Adds the missing demo pages and counts what it added."""

    def __init__(self, stdout):
        self.stdout = stdout
        self.added = 0

    def add_once(self, parent, page):
        """`page` published under `parent`, or the page already there with its slug.

        Returns (page, created); (None, False) when the slug belongs to another kind of page,
        which the loader reports and leaves alone rather than guess what the editor meant.
        """
        existing = parent.get_children().filter(slug=page.slug).first()
        if existing is not None:
            existing = existing.specific
            if isinstance(existing, type(page)):
                return existing, False
            self.stdout.write(
                f"  skipped {existing.url_path}: it is a {existing.specific_class.__name__}, "
                f"not a {type(page).__name__}"
            )
            return None, False
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.added += 1
        return page, True

    def load_course(self, index, spec, categories, instructor):
        fields = page_fields(spec, COURSE_EXTRAS)
        for name in LIST_FIELDS:
            fields[name] = list_items(fields.get(name, []))
        fields["category"] = categories[spec["category"]]
        if not index.get_children().filter(slug=spec["slug"]).exists():  # drawn only if needed
            fields["thumbnail"] = course_image(spec["slug"], spec["category"])
        if "discount_days" in spec:  # a sale that is still running whenever the demo is loaded
            fields["discount_ends"] = timezone.localdate() + timedelta(days=spec["discount_days"])
        reviewed_on = REVIEWED_ON.get(spec["slug"])
        review = {"reviewed_by": instructor, "current_as_of": reviewed_on} if reviewed_on else {}
        course = CoursePage(**fields)
        course.instructors.add(CourseInstructor(user=instructor))
        course, created = self.add_once(index, course)
        if course is None:
            return
        for module_spec in spec["modules"]:
            module, _ = self.add_once(course, ModulePage(**page_fields(module_spec, MODULE_EXTRAS)))
            if module is None:
                continue
            for lesson_spec in module_spec["lessons"]:
                self.add_once(module, LessonPage(**page_fields(lesson_spec), **review))
        if created:
            # CoursePage.save() recounts duration and lessons from the live tree, which was
            # empty when the course was first published. Only a course made by this run gets
            # a new revision: republishing an existing one could publish over an editor's
            # draft (and the publish signals already recount it without a revision).
            CoursePage.objects.get(pk=course.pk).save_revision().publish()


def upsert_categories():
    """Demo categories by slug, each new one with its picture; an existing category keeps
    whatever an editor wrote."""
    categories = {}
    for spec in CATEGORIES:
        category = Category.objects.filter(slug=spec["slug"]).first()
        if category is None:
            category = Category.objects.create(
                slug=spec["slug"],
                name=spec["name"],
                description=spec["description"],
                icon=spec.get("icon", ""),
                featured=spec.get("featured", False),
                image=category_image(spec["slug"]),
            )
        categories[spec["slug"]] = category
    return categories


def demo_instructor():
    instructor = get_user_model().objects.filter(email=INSTRUCTOR_EMAIL).first()
    if instructor is None:
        raise RuntimeError(
            f"No user {INSTRUCTOR_EMAIL}; load demo.loaders.accounts before demo.loaders.courses."
        )
    return instructor


def load(stdout):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root page is not a HomePage; run migrate first.")
    categories = upsert_categories()
    instructor = demo_instructor()

    loader = CatalogLoader(stdout)
    loader.add_once(home, StandardPage(**page_fields(PREMIUM_PAGE)))
    index, _ = loader.add_once(home, CourseIndexPage(**page_fields(COURSE_INDEX)))
    if index is None:
        return
    for spec in COURSES:
        loader.load_course(index, spec, categories, instructor)
    instructors_group()  # the Instructors role's page rights reach every catalog, this one too

    courses = CoursePage.objects.child_of(index).count()
    modules = ModulePage.objects.descendant_of(index).count()
    lessons = LessonPage.objects.descendant_of(index).count()
    stdout.write(
        f"  courses: {courses} courses, {modules} modules, {lessons} lessons under "
        f"/{index.slug}/, {len(categories)} categories ({loader.added} pages added)"
    )
