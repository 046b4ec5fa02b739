"""Catalog filters: read the query string leniently, tell the visitor what was ignored.

Bad or stale links (an old category slug, `?page=abc`) must still show a useful
catalog, so nothing here raises: unknown values are dropped and reported as notices.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.db.models.lookups import StartsWith

from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from core.query import MAX_QUERY_LENGTH, LenientFilters, search_text
from snippets.models import Category

from .access import AccessLevel
from .models.course import CourseLevel

THUMBNAIL_SPEC = "fill-480x270"
SORTS = {
    "newest": ("Newest", ["-first_published_at", "-pk"]),
    "title": ("Title (A to Z)", ["title", "pk"]),
    # Learners who are enrolled now (active or completed), annotated by CatalogFilters.apply.
    "popular": ("Most popular", ["-current_enrollments", "-first_published_at", "-pk"]),
}
# Payments do not exist yet: every course is free to enroll, and what differs is whether
# some lessons need Premium. The values stay "free"/"premium" so old links keep working.
ACCESS = {"free": "All lessons free", "premium": "Includes Premium lessons"}


@dataclass
class CatalogFilters(LenientFilters):
    query: str = ""
    category: object = None
    level: str = ""
    access: str = ""
    sort: str = "newest"

    @classmethod
    def from_querydict(cls, params):
        filters = cls()
        filters.query = search_text(params, "q", MAX_QUERY_LENGTH)
        slug = params.get("category", "").strip()
        if slug:
            filters.category = Category.objects.filter(slug=slug[:80]).first()
            if filters.category is None:
                filters.notices.append("We ignored an unknown category.")
        filters.level = filters.choice(params, "level", dict(CourseLevel.choices), "level")
        filters.access = filters.choice(params, "access", ACCESS, "access filter")
        filters.sort = filters.choice(params, "sort", SORTS, "sort order") or "newest"
        return filters

    @property
    def active(self):
        return bool(self.query or self.category or self.level or self.access)

    def apply(self, courses):
        if self.query:
            courses = courses.filter(
                Q(title__icontains=self.query)
                | Q(subtitle__icontains=self.query)
                | Q(summary__icontains=self.query)
            )
        if self.category:
            courses = courses.filter(category=self.category)
        if self.level:
            courses = courses.filter(level=self.level)
        if self.access == "free":
            courses = courses.filter(has_premium_lessons=False)
        elif self.access == "premium":
            courses = courses.filter(has_premium_lessons=True)
        if self.sort == "popular":
            courses = courses.annotate(
                current_enrollments=Count("enrollments", filter=~Q(enrollments__status="dropped"))
            )
        return courses.order_by(*SORTS[self.sort][1])


def premium_lessons_exist():
    """True for a course with a live lesson only Premium members may read.

    The card and the access filter both state this rather than the price (payments do not
    exist yet, so a price would announce a charge that never happens). A subquery keeps it
    inside the cards' own query. Free-preview lessons are open to guests, so they do not
    count; view restrictions are left to the course itself (`public()` on the cards),
    because checking them per lesson would cost one more query on every listing.
    """
    from .models import LessonPage

    return Exists(
        LessonPage.objects.filter(
            live=True,
            access_level=AccessLevel.PREMIUM,
            is_free_preview=False,
            path__startswith=OuterRef("path"),
        )
    )


def view_restricted():
    """True for a page under a view restriction (its own or an ancestor's): the same rule
    as Wagtail's `public()`, as a subquery, where `public()` spends a query of its own."""
    return Exists(PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path"))))


def listable(courses):
    """The live, public ones of `courses`, able to filter on `has_premium_lessons`."""
    return (
        courses.annotate(has_premium_lessons=premium_lessons_exist())
        .live()
        .exclude(view_restricted())
    )


def course_cards(courses=None):
    """Live, public courses with what a course card needs (category, rating, thumbnail and
    its rendition, whether some lessons need Premium) loaded in three queries however many
    cards there are."""
    from .models import CoursePage

    courses = CoursePage.objects.all() if courses is None else courses
    thumbnails = get_image_model().objects.prefetch_renditions(THUMBNAIL_SPEC)
    return (
        listable(courses)
        .defer_streamfields()
        .select_related("category", "rating")
        .prefetch_related(Prefetch("thumbnail", queryset=thumbnails))
    )


def catalog_courses(index_page):
    """The catalog's courses, filterable, without what only the cards need (the cards come
    from learning.courses.cards, mostly from the cache)."""
    from .models import CoursePage

    return listable(CoursePage.objects.child_of(index_page))


@dataclass(frozen=True)
class ListedCourse:
    """A course in a listing: what paging and the card cache need (learning.courses.cards
    draws the card from `pk`)."""

    pk: int
    title: str


def listing_ids(courses):
    """`courses` in their order, in one query: a listing pages through these (the count
    is their number) and fetches cards only for the page it shows."""
    return [ListedCourse(pk, title) for pk, title in courses.values_list("pk", "title")]
