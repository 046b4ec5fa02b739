"""Course listings outside the page tree: one page per category."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from core.pagination import paginate
from snippets.models import Category

from .catalog import course_cards


def category_courses(request, slug):
    """Live courses filed under a category or any of its sub-categories."""
    category = get_object_or_404(Category, slug=slug, active=True)
    courses = course_cards().filter(category_id__in=category.descendants_and_self())
    notices = []
    page = paginate(courses.order_by("title", "pk"), request.GET.get("page"), notices)
    context = {
        "category": category,
        "subcategories": category.children.filter(active=True),
        "courses": page,
        "notices": notices,
        "seo_title": f"{category.name} courses",
        "seo_description": category.description or f"Courses about {category.name}.",
    }
    return TemplateResponse(request, "learning/courses/category.html", context)
