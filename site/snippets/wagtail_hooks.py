"""Register the snippets with the Wagtail admin under one "Site content" menu."""

from wagtail.admin.ui.tables import (
    BooleanColumn,
    Column,
    DateColumn,
    LiveStatusTagColumn,
    UpdatedAtColumn,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.choosers import PageEditorsChooserViewSet, PermissionChooserViewSet

from .filters import CategoryFilterSet, ExaminerFilterSet, TestimonialFilterSet
from .models import Category, Examiner, Testimonial


class TestimonialViewSet(SnippetViewSet):
    model = Testimonial
    chooser_viewset_class = PageEditorsChooserViewSet  # the home page's testimonials block
    icon = "openquote"
    menu_label = "Testimonials"
    menu_order = 100
    list_display = [
        "__str__",
        Column("rating", label="Rating", sort_key="rating"),
        BooleanColumn("featured", label="Featured", sort_key="featured"),
        LiveStatusTagColumn(),
        UpdatedAtColumn(),
    ]
    filterset_class = TestimonialFilterSet
    ordering = ["-updated_at"]

    def get_queryset(self, request):
        return Testimonial.objects.with_schedule_flag()


class CategoryViewSet(SnippetViewSet):
    model = Category
    chooser_viewset_class = PageEditorsChooserViewSet  # a course page's category
    icon = "folder-open-inverse"
    menu_label = "Categories"
    menu_order = 200
    list_display = [
        "name",
        Column("parent", label="Parent", sort_key="parent__name"),
        Column("sort_order", label="Sort order", sort_key="sort_order"),
        BooleanColumn("featured", label="Featured", sort_key="featured"),
        BooleanColumn("active", label="Active", sort_key="active"),
    ]
    filterset_class = CategoryFilterSet
    ordering = ["sort_order", "name"]

    def get_queryset(self, request):
        return Category.objects.select_related("parent")


class ExaminerViewSet(SnippetViewSet):
    model = Examiner
    chooser_viewset_class = PermissionChooserViewSet
    icon = "user"
    menu_label = "Examiners"
    menu_order = 300
    list_display = [
        "name",
        Column("base_airport", label="Base airport", sort_key="base_airport"),
        Column("region", label="Region", sort_key="region"),
        Column("get_certificates_display", label="Examines for"),
        BooleanColumn("active", label="Active", sort_key="active"),
        DateColumn("updated_at", label="Updated", sort_key="updated_at"),
    ]
    filterset_class = ExaminerFilterSet
    ordering = ["name"]


class SiteContentGroup(SnippetViewSetGroup):
    """The records marketers curate, together in the admin menu."""

    menu_label = "Site content"
    menu_icon = "folder-inverse"
    menu_order = 250
    items = (TestimonialViewSet, CategoryViewSet, ExaminerViewSet)


register_snippet(SiteContentGroup)
