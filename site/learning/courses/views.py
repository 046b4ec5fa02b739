"""Course listings outside the page tree: one page per category."""

from django.core.cache import cache
from django.http import Http404
from django.template.response import TemplateResponse

from core.pagination import paginate
from pages.content_generation import ENTRY_SECONDS
from pages.section_cache import cache_key
from snippets.models import Category

from .catalog import listable, listing_ids


def category_and_descendants(slug):
    """(the active category, ids of it and every category below it), cached until a
    category or page changes. Unknown slugs are not cached (any URL could add one)."""
    key = cache_key("category", slug)
    found = cache.get(key)
    if found is None:
        category = Category.objects.filter(slug=slug, active=True).first()
        if category is None:
            raise Http404("No such category.")
        found = (category, category.descendants_and_self())
        cache.set(key, found, ENTRY_SECONDS)
    return found


def category_courses(request, slug):
    """Live courses filed under a category or any of its sub-categories; the header and
    the cards come from the listing cache (pages.section_cache)."""
    category, category_ids = category_and_descendants(slug)
    from .models import CoursePage

    courses = listable(CoursePage.objects.filter(category_id__in=category_ids))
    courses = courses.order_by("title", "pk")
    notices = []
    page = paginate(listing_ids(courses), request.GET.get("page"), notices)
    context = {
        "category": category,
        "subcategories": category.children.filter(active=True),
        "courses": page,
        "notices": notices,
        "seo_title": f"{category.name} courses",
        "seo_description": category.description or f"Courses about {category.name}.",
    }
    return TemplateResponse(request, "learning/courses/category.html", context)
