"""Query budgets: course pages cost the same for a tiny course and a huge one, and the
catalog the same for 5 courses as for 500 (docs/architecture.md, "Query budgets")."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest

from learning.courses.factories import build_course, make_catalog, make_course
from learning.courses.models import LessonPage, ModulePage
from snippets.models import Category


def count_queries(client, url):
    client.get(url)  # warm Wagtail's site-root cache and generate image renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def pages_of(course):
    module = ModulePage.objects.child_of(course).order_by("path").last()
    lesson = LessonPage.objects.child_of(module).order_by("path")[1]
    return {"course": course.url, "module": module.url, "lesson": lesson.url}


@pytest.fixture
def small_and_large(db):
    catalog = make_catalog()
    small = build_course(catalog, modules=2, lessons_per_module=2, title="Small")
    large = build_course(catalog, modules=20, lessons_per_module=20, title="Large")
    return pages_of(small), pages_of(large)


# A repeat page view is routed from the cache (pages.routing): one query reads the page
# with its related rows, and its view restrictions, breadcrumbs, outline, downloads,
# rendered body and the site branding come from the cache too. On top of that the
# course page reads its instructors and its latest approved reviews with their
# authors, and the module page its lessons' teasers. Rendering is what is measured, so
# the guest page cache (core.page_cache) is off.
GUEST_BUDGET = {"course": 3, "module": 2, "lesson": 1}


@pytest.fixture(autouse=True)
def without_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


def test_course_pages_cost_the_same_whatever_the_course_size(client, small_and_large, premium_user):
    """One test, so the 400-lesson course is built once."""
    small, large = small_and_large
    for kind, budget in GUEST_BUDGET.items():
        assert count_queries(client, small[kind]) == count_queries(client, large[kind]) == budget
    client.force_login(premium_user)
    for kind in GUEST_BUDGET:
        assert count_queries(client, small[kind]) == count_queries(client, large[kind])


@pytest.mark.django_db
def test_catalog_costs_the_same_for_5_and_500_courses(client):
    catalog = make_catalog()
    category = Category.objects.create(name="Weather")
    images = [
        get_image_model().objects.create(title=f"Cover {n}", file=get_test_image_file())
        for n in range(2)
    ]

    def add_courses(count):
        for n in range(count):
            make_course(catalog, title=f"Course {n}", category=category, thumbnail=images[n % 2])

    add_courses(5)
    few = count_queries(client, catalog.url)
    add_courses(495)
    many = count_queries(client, catalog.url)
    # Routing, then the listed courses' ids (one query: the count is their number); the
    # cards and the category filter come from the listing cache (pages.section_cache).
    assert few == many == 2
