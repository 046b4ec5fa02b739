"""An instructor's list of mock oral sessions costs the same number of queries however
many learners it shows, and still links only the sessions they may open."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.factories import UserFactory
from learning.courses.factories import make_course
from learning.enrollments.models import Enrollment
from learning.orals import services
from tests.conftest import session_queries

from .conftest import make_instructor

pytestmark = pytest.mark.django_db

SESSIONS = reverse("orals_mockoralsession_modeladmin_index")


def inspect_url(session):
    return reverse("orals_mockoralsession_modeladmin_inspect", args=[session.pk])


def learner_with_session(course, standard, task, shares=True):
    learner = UserFactory()
    learner.preferences.show_progress_to_instructors = shares
    learner.preferences.save()
    Enrollment.objects.create(user=learner, course=course)
    session, _ = services.start_session(learner, standard, task_ids=[task.pk])
    return session


def listing(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SESSIONS)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_list_costs_the_same_for_one_learner_or_many(client, course, standard, task):
    client.force_login(make_instructor(course.get_parent(), teaches=[course]))
    first = learner_with_session(course, standard, task)
    listing(client)  # warms the admin's per-process caches
    text, one = listing(client)
    assert inspect_url(first) in text
    more = [learner_with_session(course, standard, task) for _ in range(6)]
    text, seven = listing(client)
    # 16: the list's own queries plus one for the instructor's course credits, read once
    # per request for the menu items that only teachers see (courses.teaching.credits_of).
    assert seven == one == 16 + session_queries()
    assert all(inspect_url(session) in text for session in more)


def test_only_sessions_the_instructor_may_see_are_listed_or_opened(client, course, standard, task):
    instructor = make_instructor(course.get_parent(), teaches=[course])
    shared = learner_with_session(course, standard, task)
    hidden = learner_with_session(course, standard, task, shares=False)
    untaught = make_course(course.get_parent(), title="Instrument Rating")
    elsewhere = learner_with_session(untaught, standard, task)
    own, _ = services.start_session(instructor, standard, task_ids=[task.pk])
    client.force_login(instructor)
    text, _ = listing(client)
    assert inspect_url(shared) in text
    for refused in (hidden, elsewhere, own):
        assert inspect_url(refused) not in text
        assert client.get(inspect_url(refused)).status_code == 404
    assert client.get(inspect_url(shared)).status_code == 200
