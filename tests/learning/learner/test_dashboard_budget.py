"""The dashboard's query budget, pinned: the same for one course as for several, with
more completions, certificates, flashcards and mock orals; and what a learner just did
shows on their next view."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learning.acs.factories import make_standard
from learning.courses.factories import build_course, make_catalog
from learning.enrollments import services
from learning.flashcards.factories import DeckFactory, FlashcardFactory
from learning.flashcards.services import start_studying
from learning.orals.models import MockOralSession
from tests.conftest import session_queries

# The user (with profile, plan and flashcard settings); enrollments with course and
# certificate; completed lessons; study days; mock orals; today's flashcards (today's
# reviews, due counts, new count); quizzes to retake; the bookmarks. Outlines, the site
# and staff standing come from the cache. The budget is 10.
DASHBOARD_QUERIES = 10


def study_everything(learner, courses, standard):
    for course in courses:
        services.enroll(learner, course)
        for lesson in services.course_outline(course).lessons[:2]:
            services.complete_lesson(learner, lesson)
    deck = DeckFactory(owner=learner)
    FlashcardFactory.create_batch(3, deck=deck)
    start_studying(learner, deck)
    now = timezone.now()
    MockOralSession.objects.create(
        user=learner,
        standard=standard,
        acs_type="Private Pilot",
        started_at=now,
        completed_at=now,
        score=80,
    )


def warm_count(client):
    client.get(reverse("dashboard"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_dashboard_costs_the_same_for_one_course_or_five(client, learner):
    catalog = make_catalog()
    courses = [
        build_course(catalog, modules=2, lessons_per_module=3, title=f"C{n}") for n in range(5)
    ]
    standard = make_standard()
    client.force_login(learner)
    study_everything(learner, courses[:1], standard)
    few, html = warm_count(client)
    assert "C0" in html
    study_everything(learner, courses[1:], standard)
    many, html = warm_count(client)
    assert html.count('data-testid="enrolled-course"') == 5
    assert few == many == DASHBOARD_QUERIES + session_queries()


def test_a_completed_lesson_shows_on_the_next_dashboard_view(client, learner):
    course = build_course(make_catalog(), modules=1, lessons_per_module=2, title="Winds")
    services.enroll(learner, course)
    client.force_login(learner)
    assert "0% complete" in client.get(reverse("dashboard")).content.decode()
    lesson = services.course_outline(course).lessons[0]
    services.complete_lesson(learner, lesson)
    html = client.get(reverse("dashboard")).content.decode()
    assert "50% complete" in html
    assert lesson.title in html.split('id="recent"')[1]


def test_an_unpublished_lesson_leaves_recently_completed(client, learner):
    course = build_course(make_catalog(), modules=1, lessons_per_module=2, title="Winds")
    services.enroll(learner, course)
    lesson = services.course_outline(course).lessons[0]
    services.complete_lesson(learner, lesson)
    client.force_login(learner)
    assert lesson.title in client.get(reverse("dashboard")).content.decode().split('id="recent"')[1]
    lesson.unpublish()
    recent = client.get(reverse("dashboard")).content.decode().split('id="recent"')[1]
    assert lesson.title not in recent.split("</section>")[0]
