"""Private lesson notes: writing them with and without JS, refusals, privacy, /notes/."""

from django.contrib.messages import get_messages
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from learning.courses.factories import make_course, make_lesson, make_module
from learning.enrollments.models import Note
from learning.enrollments.notes.services import create_note

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


@pytest.fixture
def lesson(course):
    return course.lessons[0]


@pytest.fixture
def video(course):
    return course.lessons[1]


def add_url(lesson):
    return reverse("note_create", args=[lesson.pk])


def flashes(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def render_notes(user, lesson):
    request = RequestFactory().get(lesson.url)
    request.user = user
    template = Template("{% load notes_tags %}{% lesson_notes lesson %}")
    return template.render(Context({"request": request, "lesson": lesson}))


def test_add_without_js_redirects_back_with_a_message(client, learner, video):
    client.force_login(learner)
    data = {
        "text": "  Lean to rich before descent.  ",
        "video_timestamp": "4:05",
        "tags": "mixture",
    }
    response = client.post(add_url(video), {**data, "next": video.url})
    assert response.status_code == 302
    assert response.url == f"{video.url}#lesson-notes"
    assert flashes(response) == ["Note saved."]
    note = Note.objects.get(user=learner)
    assert (note.text, note.video_timestamp, note.tags) == (
        "Lean to rich before descent.",
        245,
        "mixture",
    )


def test_add_with_js_returns_the_lessons_notes(client, learner, video):
    client.force_login(learner)
    response = client.post(add_url(video), {"text": "Carb heat", "video_timestamp": "65"}, **FETCH)
    assert response.status_code == 200
    data = response.json()
    assert data["message"] == "Note saved."
    assert 'id="lesson-notes"' in data["html"]
    assert "Carb heat" in data["html"]
    assert "Video at </span>1:05<" in data["html"]
    assert ">1:05<" in data["html"]


def test_an_unsafe_next_is_ignored(client, learner, lesson):
    client.force_login(learner)
    response = client.post(add_url(lesson), {"text": "Hi", "next": "https://evil.example/x"})
    assert response.url == f"{lesson.url}#lesson-notes"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Write something before saving the note."),
        ("   \n  ", "Write something before saving the note."),
        ("x" * 10_001, "Notes can be up to 10,000 characters (this one has 10001)."),
    ],
)
def test_invalid_text_is_refused_and_kept(client, learner, lesson, text, message):
    client.force_login(learner)
    page = client.post(add_url(lesson), {"text": text, "tags": "keep-me"})
    assert page.status_code == 400
    assert message in page.content.decode()
    assert 'value="keep-me"' in page.content.decode()
    fragment = client.post(add_url(lesson), {"text": text, "tags": "keep-me"}, **FETCH)
    assert fragment.status_code == 400
    assert fragment.json()["error"] == message
    assert text in fragment.json()["html"]
    assert not Note.objects.exists()


@pytest.mark.parametrize(
    ("stamp", "message"),
    [
        ("abc", "Enter the video time as minutes:seconds"),
        ("4:60", "Enter the video time as minutes:seconds"),
        ("1:2:3:4", "Enter the video time as minutes:seconds"),
        ("-5", "Enter the video time as minutes:seconds"),
        ("24:00:01", "The video time can be at most 24 hours."),
        ("90000", "The video time can be at most 24 hours."),
    ],
)
def test_bad_timestamps_are_refused_with_the_text_kept(client, learner, video, stamp, message):
    client.force_login(learner)
    response = client.post(add_url(video), {"text": "My words", "video_timestamp": stamp}, **FETCH)
    assert response.status_code == 400
    assert response.json()["error"].startswith(message)
    assert "My words" in response.json()["html"]
    assert not Note.objects.exists()


@pytest.mark.parametrize(
    ("stamp", "seconds"),
    [
        ("4:05", 245),
        ("75:00", 4500),
        ("1:02:30", 3750),
        ("90", 90),
        ("24:00:00", 86400),
        ("", None),
    ],
)
def test_timestamp_formats(client, learner, video, stamp, seconds):
    client.force_login(learner)
    client.post(add_url(video), {"text": "t", "video_timestamp": stamp})
    assert Note.objects.get().video_timestamp == seconds


def test_tags_are_trimmed_and_deduplicated(client, learner, lesson):
    client.force_login(learner)
    client.post(add_url(lesson), {"text": "t", "tags": " VFR, airspace ,vfr,, Class   B ,"})
    assert Note.objects.get().tag_list == ["VFR", "airspace", "Class B"]


@pytest.mark.parametrize(
    ("tags", "message"),
    [
        (",".join(f"t{n}" for n in range(11)), "Use at most 10 tags (you have 11)."),
        ("ok, " + "y" * 31, "Each tag can be up to 30 characters"),
        (",".join(f"{n:02d}" + "z" * 28 for n in range(7)), "Tags can be up to 200 characters"),
    ],
)
def test_too_many_or_too_long_tags_are_refused(client, learner, lesson, tags, message):
    client.force_login(learner)
    response = client.post(add_url(lesson), {"text": "Kept", "tags": tags}, **FETCH)
    assert response.status_code == 400
    assert response.json()["error"].startswith(message)
    assert not Note.objects.exists()


def test_html_in_a_note_is_escaped(client, learner, lesson):
    client.force_login(learner)
    evil = "<script>alert('x')</script><b>bold</b>"
    response = client.post(add_url(lesson), {"text": evil, "tags": "<i>t</i>"}, **FETCH)
    html = response.json()["html"]
    assert "<script>alert" not in html
    assert "<b>bold" not in html
    assert "<i>t" not in html
    assert "&lt;script&gt;" in html
    listing = client.get(reverse("notes")).content.decode()
    assert "<script>alert" not in listing
    assert "&lt;script&gt;" in listing


def test_premium_lesson_refuses_a_registered_learner(client, learner, premium_learner, course):
    premium = course.lessons[4]
    client.force_login(learner)
    response = client.post(add_url(premium), {"text": "Sneaky"})
    assert response.status_code == 403
    assert "higher membership tier" in response.content.decode()
    assert client.post(add_url(premium), {"text": "Sneaky"}, **FETCH).status_code == 403
    assert render_notes(learner, premium) == ""
    assert not Note.objects.exists()
    client.force_login(premium_learner)
    assert client.post(add_url(premium), {"text": "Fine"}).status_code == 302
    assert Note.objects.filter(user=premium_learner).count() == 1


def test_unknown_unpublished_or_non_lesson_pages_are_404(client, learner, lesson, course):
    client.force_login(learner)
    module = lesson.get_parent()
    assert client.post(reverse("note_create", args=[module.pk]), {"text": "t"}).status_code == 404
    lesson.unpublish()
    assert client.post(add_url(lesson), {"text": "t"}).status_code == 404
    assert not Note.objects.exists()


def test_guests_are_sent_to_log_in(client, lesson):
    response = client.post(add_url(lesson), {"text": "t", "next": lesson.url})
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "next=" in response.url
    assert lesson.url.strip("/") in response.url
    assert client.post(add_url(lesson), {"text": "t"}, **FETCH).status_code == 403
    assert client.get(reverse("notes")).url.startswith(reverse("account_login"))
    assert not Note.objects.exists()


def test_edit_without_js_and_with_js(client, learner, lesson):
    note = create_note(learner, lesson, "Old words")
    client.force_login(learner)
    page = client.get(reverse("note_edit", args=[note.pk]))
    assert page.status_code == 200
    assert "Old words" in page.content.decode()
    url = reverse("note_edit", args=[note.pk])
    response = client.post(url, {"text": "New words", "next": lesson.url})
    assert response.url == f"{lesson.url}#note-{note.pk}"
    assert flashes(response) == ["Note saved."]
    row = client.post(url, {"text": "Row words", "tags": "a", "fragment": "row"}, **FETCH).json()
    assert row["html"].strip().startswith(f'<li class="note" id="note-{note.pk}"')
    assert "Row words" in row["html"]
    section = client.post(url, {"text": "Section words"}, **FETCH).json()
    assert 'id="lesson-notes"' in section["html"]
    assert "Section words" in section["html"]
    note.refresh_from_db()
    assert (note.text, note.tags) == ("Section words", "")


def test_invalid_edit_keeps_the_typed_text(client, learner, video):
    note = create_note(learner, video, "Original")
    client.force_login(learner)
    url = reverse("note_edit", args=[note.pk])
    page = client.post(url, {"text": "Typed again", "video_timestamp": "soon"})
    assert page.status_code == 400
    assert "Typed again" in page.content.decode()
    assert "Enter the video time" in page.content.decode()
    fragment = client.post(url, {"text": "Typed again", "video_timestamp": "soon"}, **FETCH)
    assert fragment.status_code == 400
    assert "Typed again" in fragment.json()["html"]
    assert " open" in fragment.json()["html"]
    note.refresh_from_db()
    assert note.text == "Original"


def test_delete_with_and_without_js(client, learner, lesson):
    keep, row, section = (create_note(learner, lesson, text) for text in ("Keep", "Row", "Sec"))
    client.force_login(learner)
    response = client.post(reverse("note_delete", args=[row.pk]), {"fragment": "row"}, **FETCH)
    assert response.json() == {"html": "", "message": "Note deleted."}
    response = client.post(reverse("note_delete", args=[section.pk]), **FETCH)
    assert "Keep" in response.json()["html"]
    assert "Sec<" not in response.json()["html"]
    response = client.post(reverse("note_delete", args=[keep.pk]), {"next": "/notes/"})
    assert response.url == "/notes/#lesson-notes"
    assert flashes(response) == ["Note deleted."]
    assert not Note.objects.exists()


def test_other_users_and_unknown_notes_are_404(client, learner, other_learner, lesson):
    theirs = create_note(other_learner, lesson, "Theirs")
    client.force_login(learner)
    for note_id in (theirs.pk, 999_999):
        page = client.get(reverse("note_edit", args=[note_id]))
        assert page.status_code == 404
        assert "We could not find that note." in page.content.decode()
        edit = client.post(reverse("note_edit", args=[note_id]), {"text": "Mine now"}, **FETCH)
        assert edit.status_code == 404
        assert edit.json()["error"] == "We could not find that note."
        delete = client.post(reverse("note_delete", args=[note_id]))
        assert delete.status_code == 404
        assert "We could not find that note." in delete.content.decode()
    theirs.refresh_from_db()
    assert theirs.text == "Theirs"


def test_lesson_notes_tag_shows_only_the_viewers_notes_newest_first(learner, other_learner, video):
    from django.contrib.auth.models import AnonymousUser

    create_note(learner, video, "First", video_timestamp=3725, tags="wx, vfr")
    create_note(learner, video, "Second")
    create_note(other_learner, video, "Not yours")
    html = render_notes(learner, video)
    assert html.index("Second") < html.index("First")
    assert "Not yours" not in html
    assert "Video at </span>1:02:05<" in html
    assert ">1:02:05<" in html
    assert '<li class="badge">wx</li>' in html
    assert "Log in to keep private notes" in render_notes(AnonymousUser(), video)


def _count(render):
    with CaptureQueriesContext(connection) as queries:
        render()
    return len(queries)


def test_lesson_notes_tag_query_count_does_not_grow(learner, video):
    for n in range(2):
        create_note(learner, video, f"Note {n}", tags="a, b")
    render_notes(learner, video)  # warm the site root paths cache
    few = _count(lambda: render_notes(learner, video))
    for n in range(13):
        create_note(learner, video, f"More {n}", video_timestamp=n)
    assert _count(lambda: render_notes(learner, video)) == few


def test_notes_page_search_finds_text_tags_and_lesson_titles(
    client, learner, other_learner, course
):
    b, c, metars = course.lessons[0], course.lessons[1], course.lessons[3]
    create_note(learner, b, "Mode C veil at 30 nm")
    create_note(learner, c, "Two-way radio", tags="comms")
    create_note(learner, metars, "Wind first")
    create_note(other_learner, b, "Mode C secret of Olly", tags="comms")
    client.force_login(learner)

    def found(query):
        page = client.get(reverse("notes"), {"q": query}).content.decode()
        assert "secret of Olly" not in page
        return [text for text in ("Mode C veil", "Two-way radio", "Wind first") if text in page]

    assert found("mode c") == ["Mode C veil"]
    assert found("COMMS") == ["Two-way radio"]
    assert found("METARs") == ["Wind first"]
    assert found("") == ["Mode C veil", "Two-way radio", "Wind first"]
    empty = client.get(reverse("notes"), {"q": "nothing like it"}).content.decode()
    assert "No notes match “nothing like it”." in empty


def test_notes_page_groups_by_course_and_lesson_with_links(client, learner, course):
    create_note(learner, course.lessons[3], "Wind first")
    client.force_login(learner)
    page = client.get(reverse("notes")).content.decode()
    assert f'<a href="{course.url}">Private Pilot Prep</a>' in page
    assert f'<a href="{course.lessons[3].url}">METARs</a>' in page


def test_notes_page_empty_state_for_a_new_learner(client, learner):
    client.force_login(learner)
    page = client.get(reverse("notes")).content.decode()
    assert "No notes yet" in page


def test_notes_page_paginates_by_twenty(client, learner, lesson):
    for n in range(25):
        create_note(learner, lesson, f"Numbered note {n}")
    client.force_login(learner)
    first = client.get(reverse("notes")).content.decode()
    assert first.count('data-testid="note"') == 20
    assert "Page 1 of 2" in first
    second = client.get(reverse("notes"), {"page": "2"}).content.decode()
    assert second.count('data-testid="note"') == 5
    assert client.get(reverse("notes"), {"page": "abc"}).status_code == 200


def test_notes_page_query_count_does_not_grow(client, learner, course):
    other = make_course(course.get_parent(), title="Instrument")
    other_lesson = make_lesson(make_module(other, title="Approaches"), title="ILS")
    lessons = [*course.lessons[:4], other_lesson]
    for lesson in lessons[:2]:
        create_note(learner, lesson, "Early", tags="x")
    client.force_login(learner)
    client.get(reverse("notes"))  # warm the session and site root paths
    few = _count(lambda: client.get(reverse("notes")))
    for n in range(13):
        create_note(learner, lessons[n % len(lessons)], f"Later {n}", video_timestamp=n)
    page = client.get(reverse("notes")).content.decode()
    assert "Instrument" in page
    assert "ILS" in page
    assert _count(lambda: client.get(reverse("notes"))) == few
