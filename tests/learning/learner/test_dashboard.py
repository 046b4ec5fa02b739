"""The learner dashboard: courses with progress and Continue, recent completions, streak
and certificates; an empty state for a new learner; the same queries for 1 or 6 courses."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learning.courses.factories import build_course, make_catalog
from learning.enrollments import services


def test_a_new_learner_sees_empty_states(client, learner):
    client.force_login(learner)
    html = client.get(reverse("dashboard")).content.decode()
    assert "You have not enrolled in a course yet." in html
    assert "Lessons you complete will show up here." in html
    assert "Finish a course that offers a certificate to earn one." in html
    assert "Study today to start a streak." in html


def test_guests_are_sent_to_log_in(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_dashboard_shows_progress_continue_recent_and_streak(client, course, learner, enrolled):
    services.complete_lesson(learner, course.lessons[0])
    services.complete_lesson(learner, course.lessons[1])
    client.force_login(learner)
    response = client.get(reverse("dashboard"))
    html = response.content.decode()
    assert "Private Pilot Prep" in html
    assert "33% complete · 2 of 6 lessons" in html
    assert f'href="{course.lessons[2].url}" data-testid="continue-link">Continue: Class D' in html
    assert "Class C" in html.split('id="recent"')[1]
    assert "1-day study streak" in html
    assert response["Cache-Control"].startswith("private")


def test_a_learner_never_sees_another_learners_courses(client, course, learner, other_learner):
    services.enroll(learner, course)
    services.complete_lesson(learner, course.lessons[0])
    client.force_login(other_learner)
    html = client.get(reverse("dashboard")).content.decode()
    assert "Private Pilot Prep" not in html
    assert "Class B" not in html


def test_dashboard_queries_do_not_grow_with_enrollments(client, learner):
    catalog = make_catalog()
    courses = [
        build_course(catalog, modules=2, lessons_per_module=3, title=f"Course {n}")
        for n in range(6)
    ]
    client.force_login(learner)

    def count_for(enrolled_courses):
        for course in enrolled_courses:
            services.enroll(learner, course)
            lessons = services.course_outline(course).lessons
            services.complete_lesson(learner, lessons[0])
        client.get(reverse("dashboard"))
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("dashboard"))
        assert response.status_code == 200
        return len(queries)

    one = count_for(courses[:1])
    six = count_for(courses[1:])
    assert one == six


def test_continue_skips_lessons_the_learner_cannot_open(client, course, learner, enrolled):
    for lesson in course.lessons[:4]:
        services.complete_lesson(learner, lesson)
    client.force_login(learner)
    for url in (reverse("dashboard"), course.url):
        html = client.get(url).content.decode()
        assert "Continue: Weather quiz" in html  # not the premium "TAFs" before it
        assert "1 lesson left for Premium members" in html
    services.complete_lesson(learner, course.lessons[5])
    html = client.get(reverse("dashboard")).content.decode()
    assert "Continue:" not in html
    assert "83% complete" in html
    assert "1 lesson left for Premium members" in html


def test_study_tools_show_todays_cards_and_the_last_mock_oral(client, learner):
    from django.utils import timezone

    from learning.acs.factories import make_standard
    from learning.flashcards.factories import DeckFactory, FlashcardFactory
    from learning.flashcards.services import start_studying
    from learning.orals.models import MockOralSession

    client.force_login(learner)
    html = client.get(reverse("dashboard")).content.decode()
    assert "nothing due today" in html
    assert "rehearse the oral exam" in html

    deck = DeckFactory(owner=learner)
    FlashcardFactory.create_batch(3, deck=deck)
    start_studying(learner, deck)
    session = MockOralSession.objects.create(
        user=learner,
        standard=make_standard(),
        acs_type="Private Pilot",
        started_at=timezone.now(),
        completed_at=timezone.now(),
        score=83,
    )
    html = client.get(reverse("dashboard")).content.decode()
    assert "Flashcards: 3 to study today" in html
    assert "3 new, 0 learning, 0 to review" in html
    assert f'href="{reverse("orals_result", args=[session.pk])}">83%' in html
