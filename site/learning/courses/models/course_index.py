"""The catalog: every live course under it, filterable and paginated."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.pagination import paginate
from pages.base import BasePage
from snippets.models import Category

from ..catalog import ACCESS, SORTS, CatalogFilters, catalog_courses, listing_ids
from .course import CourseLevel


class CourseIndexPage(BasePage):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    description_field = "intro"

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["courses.CoursePage"]
    template = "learning/courses/course_index_page.html"

    class Meta:
        verbose_name = "course catalog"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = CatalogFilters.from_querydict(request.GET)
        courses = filters.apply(catalog_courses(self))
        page = paginate(listing_ids(courses), request.GET.get("page"), filters.notices)
        params = request.GET.copy()
        params.pop("page", None)
        context.update(
            filters=filters,
            courses=page,
            paginator_query=params.urlencode(),
            categories=Category.objects.all(),
            levels=CourseLevel.choices,
            access_choices=ACCESS.items(),
            sort_choices=[(key, label) for key, (label, _) in SORTS.items()],
        )
        return context
