"""Bookmarks of courses and lessons: the toggle, /bookmarks/, the dashboard list."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Site

from learning.courses.factories import make_lesson
from learning.enrollments.models import Bookmark
from learning.enrollments.notes.services import add_bookmark
from tests.races import in_parallel, postgres_race

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


def add_url(page):
    return reverse("bookmark_add", args=[page.pk])


def render_tag(user, source, **values):
    request = RequestFactory().get("/somewhere/")
    request.user = user
    return Template("{% load notes_tags %}" + source).render(
        Context({"request": request, **values})
    )


def _count(render):
    with CaptureQueriesContext(connection) as queries:
        render()
    return len(queries)


def test_bookmark_a_course_without_js(client, learner, course):
    client.force_login(learner)
    response = client.post(add_url(course), {"next": course.url})
    assert response.status_code == 302
    assert response.url == course.url
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Bookmarked “Private Pilot Prep”."
    ]
    assert Bookmark.objects.get(user=learner).page_id == course.pk


def test_bookmark_a_lesson_with_js_returns_the_pressed_button(client, learner, course):
    client.force_login(learner)
    lesson = course.lessons[4]  # premium: its title is public, so anyone may bookmark it
    data = client.post(add_url(lesson), **FETCH).json()
    bookmark = Bookmark.objects.get(user=learner)
    assert 'aria-pressed="true"' in data["html"]
    assert "Bookmarked" in data["html"]
    assert "Remove" in data["html"]
    assert reverse("bookmark_delete", args=[bookmark.pk]) in data["html"]
    assert data["message"] == "Bookmarked “TAFs”."


def test_adding_twice_keeps_one_bookmark(client, learner, course):
    client.force_login(learner)
    client.post(add_url(course), **FETCH)
    again = client.post(add_url(course), {"note": "ignored"}, **FETCH)
    assert again.status_code == 200
    assert again.json()["message"] == "Already in your bookmarks."
    assert Bookmark.objects.filter(user=learner).count() == 1
    assert Bookmark.objects.get(user=learner).note == ""


def test_only_courses_and_lessons_can_be_bookmarked(client, learner, course):
    client.force_login(learner)
    module = course.lessons[0].get_parent()
    home = Site.objects.get(is_default_site=True).root_page
    for page in (module, home, course.get_parent()):
        response = client.post(add_url(page), **FETCH)
        assert response.status_code == 400
        assert response.json()["error"] == "Only courses and lessons can be bookmarked."
        page_response = client.post(add_url(page))
        assert page_response.status_code == 400
        assert "Only courses and lessons can be bookmarked." in page_response.content.decode()
    assert not Bookmark.objects.exists()


def test_unknown_and_unpublished_pages_are_404(client, learner, course):
    client.force_login(learner)
    lesson = course.lessons[2]
    lesson.unpublish()
    assert client.post(add_url(lesson)).status_code == 404
    assert not Bookmark.objects.exists()


def test_guests_are_sent_to_log_in(client, course):
    response = client.post(add_url(course), {"next": course.url})
    assert response.url.startswith(reverse("account_login"))
    assert client.post(add_url(course), **FETCH).status_code == 403
    assert client.get(reverse("bookmarks")).url.startswith(reverse("account_login"))
    assert not Bookmark.objects.exists()


def test_edit_a_bookmark_note(client, learner, course):
    bookmark, _ = add_bookmark(learner, course)
    client.force_login(learner)
    url = reverse("bookmark_edit", args=[bookmark.pk])
    response = client.post(url, {"note": "  Before the oral  "}, **FETCH)
    assert response.json()["message"] == "Bookmark note saved."
    assert (
        response.json()["html"]
        .strip()
        .startswith(f'<li class="bookmark" id="bookmark-{bookmark.pk}"')
    )
    assert "Before the oral" in response.json()["html"]
    bookmark.refresh_from_db()
    assert bookmark.note == "Before the oral"
    assert client.post(url, {"note": "x", "next": "//evil.example"}).url == reverse("bookmarks")


def test_too_long_bookmark_note_is_refused_and_kept(client, learner, course):
    bookmark, _ = add_bookmark(learner, course, note="Short")
    client.force_login(learner)
    url = reverse("bookmark_edit", args=[bookmark.pk])
    typed = "<em>y</em>" + "y" * 500
    page = client.post(url, {"note": typed})
    assert page.status_code == 400
    assert (
        "A bookmark note can be up to 500 characters (this one has 510)." in page.content.decode()
    )
    assert "&lt;em&gt;y&lt;/em&gt;" + "y" * 500 in page.content.decode()
    fragment = client.post(url, {"note": typed}, **FETCH)
    assert fragment.status_code == 400
    assert "y" * 500 in fragment.json()["html"]
    assert "<em>" not in fragment.json()["html"]
    bookmark.refresh_from_db()
    assert bookmark.note == "Short"


def test_remove_from_the_button_and_from_the_list(client, learner, course):
    on_button, _ = add_bookmark(learner, course)
    in_list, _ = add_bookmark(learner, course.lessons[0])
    client.force_login(learner)
    data = client.post(
        reverse("bookmark_delete", args=[on_button.pk]), {"fragment": "button"}, **FETCH
    ).json()
    assert 'aria-pressed="false"' in data["html"]
    assert add_url(course) in data["html"]
    assert data["message"] == "Bookmark removed."
    data = client.post(reverse("bookmark_delete", args=[in_list.pk]), **FETCH).json()
    assert data["html"] == ""
    assert not Bookmark.objects.exists()


def test_other_users_and_unknown_bookmarks_are_404(client, learner, other_learner, course):
    theirs, _ = add_bookmark(other_learner, course, note="Olly's")
    client.force_login(learner)
    for bookmark_id in (theirs.pk, 999_999):
        edit = client.post(reverse("bookmark_edit", args=[bookmark_id]), {"note": "mine"})
        assert edit.status_code == 404
        assert "We could not find that bookmark." in edit.content.decode()
        delete = client.post(reverse("bookmark_delete", args=[bookmark_id]), **FETCH)
        assert delete.status_code == 404
        assert delete.json()["error"] == "We could not find that bookmark."
    theirs.refresh_from_db()
    assert theirs.note == "Olly's"


def test_bookmarks_page_lists_only_the_viewers_bookmarks(client, learner, other_learner, course):
    client.force_login(learner)
    assert "No bookmarks yet" in client.get(reverse("bookmarks")).content.decode()
    add_bookmark(learner, course, note="Start here")
    add_bookmark(learner, course.lessons[3])
    add_bookmark(other_learner, course.lessons[1], note="Olly private note")
    page = client.get(reverse("bookmarks")).content.decode()
    assert page.index("METARs") < page.index("Private Pilot Prep")  # newest first
    assert '<span class="badge">Course</span>' in page
    assert '<span class="badge">Lesson</span>' in page
    assert "Start here" in page
    assert "Olly private note" not in page
    assert "Class C" not in page
    assert "Remove this bookmark" in page


def test_bookmark_button_tag(learner, course):
    module = course.lessons[0].get_parent()
    source = "{% bookmark_button page %}"
    assert render_tag(AnonymousUser(), source, page=course).strip() == ""
    assert render_tag(learner, source, page=module).strip() == ""
    html = render_tag(learner, source, page=course)
    assert 'aria-pressed="false"' in html
    assert ">Bookmark<" in html
    add_bookmark(learner, course)
    assert 'aria-pressed="true"' in render_tag(learner, source, page=course)


def test_dashboard_bookmarks_newest_first_up_to_ten(learner, course):
    source = "{% dashboard_bookmarks %}"
    assert "No bookmarks yet" in render_tag(learner, source)
    assert render_tag(AnonymousUser(), source).strip() == ""
    module = course.lessons[0].get_parent()
    extra = [make_lesson(module, title=f"Extra {n}") for n in range(6)]
    for page in [course, *course.lessons, *extra]:
        add_bookmark(learner, page, note=f"note on {page.title}")
    html = render_tag(learner, source)
    assert html.count('data-testid="dashboard-bookmark"') == 10
    assert html.index("Extra 5") < html.index("Extra 4")
    assert "Private Pilot Prep" not in html  # the oldest of 13
    assert "See all your bookmarks" in html
    assert reverse("bookmarks") in html


def test_bookmark_listings_keep_a_constant_query_count(client, learner, course):
    module = course.lessons[0].get_parent()
    pages = [course, *course.lessons, *(make_lesson(module, title=f"X{n}") for n in range(8))]
    for page in pages[:2]:
        add_bookmark(learner, page)
    client.force_login(learner)

    def dashboard():
        return render_tag(learner, "{% dashboard_bookmarks %}")

    def listing():
        return client.get(reverse("bookmarks"))

    dashboard(), listing()  # warm the caches (content types, site root paths, session)
    few = (_count(dashboard), _count(listing))
    for page in pages[2:]:
        add_bookmark(learner, page)
    assert Bookmark.objects.count() == 15
    assert (_count(dashboard), _count(listing)) == few


@postgres_race
def test_parallel_adds_make_one_bookmark(course, learner):
    in_parallel(4, lambda _: add_bookmark(learner, course))
    assert Bookmark.objects.filter(user=learner, page=course).count() == 1
