"""Course page tree: page rules, editing in the admin, learning order and course totals."""

import re

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from learning.courses.factories import (
    build_course,
    make_catalog,
    make_course,
    make_lesson,
    make_module,
)
from learning.courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from pages.models import HomePage


def list_block(items):
    """Form data for a ListBlock (the test utilities only cover streams and formsets)."""
    data = {"count": len(items)}
    for index, item in enumerate(items):
        data[str(index)] = {"value": item, "deleted": "", "order": index, "id": ""}
    return data


class CourseTreeRules(WagtailPageTestCase):
    def test_each_page_type_lives_only_where_it_belongs(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage})
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_editor_creates_a_lesson_with_streamfield_content(self):
        self.login()
        module = make_module(make_course(make_catalog()))
        self.assertCanCreate(
            module,
            LessonPage,
            nested_form_data(
                {
                    "title": "Class C airspace",
                    "slug": "class-c",
                    "summary": "Two-way radio communication is the entry ticket.",
                    "access_level": "premium",
                    "lesson_type": "reading",
                    "duration_minutes": 12,
                    "body": streamfield(
                        [
                            ("heading", {"text": "Dimensions", "level": "h2"}),
                            ("paragraph", rich_text("<p>Surface area 5 NM, shelf 10 NM.</p>")),
                            (
                                "callout",
                                {"kind": "gouge", "title": "", "text": rich_text("<p>Ask.</p>")},
                            ),
                            ("code", {"language": "text", "code": "METAR KSEA", "caption": ""}),
                            (
                                "key_points",
                                {"heading": "Key points", "points": list_block(["Ask for it"])},
                            ),
                        ]
                    ),
                    "resources": inline_formset([]),
                }
            ),
        )

    def test_editor_creates_a_course(self):
        self.login()
        catalog = make_catalog()
        self.assertCanCreate(
            catalog,
            CoursePage,
            nested_form_data(
                {
                    "title": "Commercial Pilot Oral Prep",
                    "slug": "commercial-oral",
                    "summary": "The commercial oral, area by area.",
                    "description": rich_text("<p>For commercial applicants.</p>"),
                    "level": "advanced",
                    "price": "99.00",
                    "requirements": streamfield([("item", "A private pilot certificate")]),
                    "skills": streamfield([]),
                    "learning_objectives": streamfield([]),
                    "instructors": inline_formset([]),
                }
            ),
        )

    def test_every_page_type_renders(self):
        catalog = make_catalog()
        course = build_course(catalog, modules=1, lessons_per_module=1)
        module = ModulePage.objects.child_of(course).get()
        lesson = LessonPage.objects.child_of(module).get()
        for page in (catalog, course, module, lesson):
            self.assertPageIsRenderable(page)


@pytest.mark.django_db
def test_previous_and_next_cross_module_boundaries(client):
    course = build_course(make_catalog(), modules=2, lessons_per_module=2)
    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    last_of_first_module, first_of_second = lessons[1], lessons[2]

    html = client.get(last_of_first_module.url).content.decode()
    assert f'rel="next" href="{first_of_second.url}"' in html
    assert f'rel="prev" href="{lessons[0].url}"' in html
    html = client.get(first_of_second.url).content.decode()
    assert f'rel="prev" href="{last_of_first_module.url}"' in html

    first = client.get(lessons[0].url).content.decode()
    assert 'rel="prev"' not in first
    last = client.get(lessons[-1].url).content.decode()
    assert 'rel="next"' not in last


@pytest.mark.django_db
def test_lesson_page_shows_breadcrumbs_and_marks_itself_in_the_outline(client):
    course = build_course(make_catalog(), modules=1, lessons_per_module=2)
    lesson = LessonPage.objects.descendant_of(course).order_by("path").last()
    html = client.get(lesson.url).content.decode()
    assert 'aria-label="Breadcrumb"' in html
    assert f'<a href="{course.url}">{course.title}</a>' in html
    assert f'href="{lesson.url}" aria-current="page"' in html
    assert '"@type": "BreadcrumbList"' in html


@pytest.mark.django_db
def test_unpublished_lessons_and_modules_drop_out_of_outline_and_navigation(client, commit):
    course = build_course(make_catalog(), modules=2, lessons_per_module=2)
    first_module, second_module = ModulePage.objects.child_of(course).order_by("path")
    hidden_lesson = LessonPage.objects.child_of(first_module).order_by("path").last()
    with commit():
        hidden_lesson.unpublish()
        second_module.unpublish()
    html = client.get(course.url).content.decode()
    assert hidden_lesson.title not in html
    assert second_module.title not in html
    course.refresh_from_db()
    assert course.lesson_count == 1


@pytest.mark.django_db
def test_course_duration_follows_lesson_changes(commit):
    course = make_course(make_catalog(), publish=True)
    module = make_module(course, publish=True)
    with commit():
        first = make_lesson(module, title="One", duration_minutes=15, publish=True)
        make_lesson(module, title="Two", duration_minutes=25, publish=True)
    course.refresh_from_db()
    assert (course.duration_minutes, course.lesson_count) == (40, 2)

    with commit():
        first.duration_minutes = 45
        first.save_revision().publish()
    course.refresh_from_db()
    assert course.duration_minutes == 70

    with commit():
        first.unpublish()
    course.refresh_from_db()
    assert (course.duration_minutes, course.lesson_count) == (25, 1)

    with commit():
        Page.objects.get(pk=module.pk).delete()
    course.refresh_from_db()
    assert (course.duration_minutes, course.lesson_count) == (0, 0)


@pytest.mark.django_db
def test_moving_a_lesson_updates_both_courses(commit):
    catalog = make_catalog()
    source = build_course(catalog, modules=1, lessons_per_module=2)
    target = build_course(catalog, modules=1, lessons_per_module=1)
    lesson = LessonPage.objects.descendant_of(source).first()
    target_module = ModulePage.objects.child_of(target).get()
    with commit():
        lesson.move(target_module, pos="last-child")
    source.refresh_from_db()
    target.refresh_from_db()
    assert (source.lesson_count, target.lesson_count) == (1, 2)


@pytest.mark.django_db
def test_publishing_an_old_course_revision_keeps_current_totals(commit):
    course = build_course(make_catalog(), modules=1, lessons_per_module=1)
    old_revision = course.save_revision()
    module = ModulePage.objects.child_of(course).get()
    with commit():
        make_lesson(module, title="Added later", duration_minutes=30, publish=True)
    old_revision.publish()
    course.refresh_from_db()
    assert (course.lesson_count, course.duration_minutes) == (2, 40)


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["no-such-course/", "module-x/lesson-y/", "%00/", "..%2f/"])
def test_unknown_course_urls_get_the_404_page(client, suffix):
    course = build_course(make_catalog(), modules=1, lessons_per_module=1)
    for base in ("/courses/", course.url):
        response = client.get(base + suffix)
        assert response.status_code == 404
        assert b"We could not find that page" in response.content


@pytest.mark.django_db
def test_course_page_describes_itself_to_search_engines(client):
    course = build_course(
        make_catalog(), modules=1, lessons_per_module=2, summary="Pass the <oral> exam."
    )
    html = client.get(course.url).content.decode()
    assert '<meta name="description" content="Pass the &lt;oral&gt; exam.">' in html
    assert '"@type": "Course"' in html
    assert '"courseWorkload": "PT20M"' in html
    assert "Pass the \\u003Coral\\u003E exam." in html  # JSON-LD cannot break out of <script>


@pytest.mark.django_db
def test_lesson_editor_has_tabs_and_tier_preview_modes(client, admin_user):
    course = build_course(make_catalog(), modules=1, lessons_per_module=1)
    lesson = LessonPage.objects.descendant_of(course).get()
    client.force_login(admin_user)
    html = client.get(f"/admin/pages/{lesson.pk}/edit/").content.decode()
    tabs = re.findall(r'role="tab"[^>]*>\s*([^<]+?)\s*<', html)
    assert tabs[:4] == ["Content", "Lesson settings", "Resources", "Promote"]
    for mode in ("As a guest", "As a registered learner", "As a premium member"):
        assert mode in html


def test_only_teaching_staff_can_be_credited_as_instructors(instructor, registered_user):
    from accounts.models import User
    from learning.courses.models import CourseInstructor

    limit = CourseInstructor._meta.get_field("user").get_limit_choices_to()
    choices = set(User.objects.complex_filter(limit))
    assert instructor in choices
    assert registered_user not in choices
