"""Register the snippets with the Wagtail admin, each with a searchable listing."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Category


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = "Categories"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


register_snippet(CategoryViewSet)
