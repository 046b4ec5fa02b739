"""The mock oral pages through the client: plan, grade each question, finish, result."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.factories import UserFactory
from learning.flashcards.models import CardState, Deck, DeckPurpose
from learning.orals.models import Grade, MockOralSession

pytestmark = pytest.mark.django_db


def start(client, standard, **data):
    data.setdefault("minutes", "15")
    return client.post(reverse("orals_start"), {"standard": standard.pk, **data})


def test_full_journey(signed_in, learner, standard, task):
    home = signed_in.get(reverse("orals_home"))
    assert home.status_code == 200
    assert "private" in home["Cache-Control"]
    assert "no-cache" in home["Cache-Control"]
    assert "PA.I.A Task I.A" in home.content.decode()
    response = start(signed_in, standard, tasks=[task.pk])
    session = MockOralSession.objects.get(user=learner)
    assert response.url == reverse("orals_session", args=[session.pk])
    items = list(session.items.order_by("order"))
    page = signed_in.get(response.url)
    text = page.content.decode()
    assert f"Question 1 of {len(items)}" in text
    assert "Reveal key points" in text
    for number, item in enumerate(items, start=1):
        grade = Grade.UNSATISFACTORY if number == 1 else Grade.SATISFACTORY
        graded = signed_in.post(
            reverse("orals_grade", args=[session.pk, item.pk]), {"grade": grade}
        )
        assert graded.status_code == 302
        if number < len(items):
            assert graded.url.endswith(f"?q={number + 1}")
    finished = signed_in.post(reverse("orals_finish", args=[session.pk]))
    assert finished.url == reverse("orals_result", args=[session.pk])
    result = signed_in.get(finished.url).content.decode()
    expected = round(100 * (len(items) - 1) / len(items))
    assert f"Score: <strong>{expected}%</strong>" in result
    deck = Deck.objects.get(owner=learner, purpose=DeckPurpose.ORAL_REVIEW)
    assert f"?deck={deck.pk}" in result
    state = CardState.objects.get(user=learner, card__deck=deck)
    assert state.due <= timezone.now() + datetime.timedelta(hours=24)
    signed_in.post(reverse("orals_finish", args=[session.pk]))
    assert deck.cards.count() == 1
    assert signed_in.get(reverse("orals_session", args=[session.pk])).status_code == 302


def test_guests_log_in_first(client, standard, task):
    response = client.get(reverse("orals_home"))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    assert start(client, standard, tasks=[task.pk]).status_code == 302
    assert not MockOralSession.objects.exists()


def test_unverified_learners_are_refused(client, standard, task):
    client.force_login(UserFactory(verified=False))
    for response in (client.get(reverse("orals_home")), start(client, standard, tasks=[task.pk])):
        assert response.status_code == 403
        assert "Confirm your email address before you rehearse" in response.content.decode()
    assert not MockOralSession.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"tasks": ["abc"]},
        {"tasks": ["1\x00"]},
        {"tasks": ["99999999999999"]},
        {"sections": ["-1"]},
        {"minutes": "7"},
        {"minutes": "x", "tasks": ["1"]},
        {},
    ],
)
def test_junk_start_input_is_a_400(signed_in, standard, data):
    assert start(signed_in, standard, **data).status_code == 400
    assert not MockOralSession.objects.exists()


def test_unknown_standard_is_a_400(signed_in, standard, task):
    response = signed_in.post(reverse("orals_start"), {"standard": "x", "tasks": [task.pk]})
    assert response.status_code == 400
    assert "Choose a standard, what to rehearse and a duration." in response.content.decode()
    assert not MockOralSession.objects.exists()


@pytest.fixture
def session(signed_in, learner, standard, task):
    start(signed_in, standard, tasks=[task.pk])
    return MockOralSession.objects.get(user=learner)


def test_other_learners_ids_are_404(client, session, other, standard, task):
    client.force_login(other)
    item = session.items.first()
    urls = [
        reverse("orals_session", args=[session.pk]),
        reverse("orals_result", args=[session.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404
    grade_url = reverse("orals_grade", args=[session.pk, item.pk])
    assert client.post(grade_url, {"grade": Grade.SATISFACTORY}).status_code == 404
    assert client.post(reverse("orals_finish", args=[session.pk])).status_code == 404
    item.refresh_from_db()
    assert item.grade == ""
    start(client, standard, tasks=[task.pk])
    mine = MockOralSession.objects.get(user=other)
    foreign_item = reverse("orals_grade", args=[mine.pk, item.pk])
    assert client.post(foreign_item, {"grade": Grade.SATISFACTORY}).status_code == 404


def test_junk_grades_and_ids(signed_in, session):
    item = session.items.first()
    url = reverse("orals_grade", args=[session.pk, item.pk])
    for grade in ("", "excellent", "satisfactory\x00", "x" * 10_000):
        refused = signed_in.post(url, {"grade": grade})
        assert refused.status_code == 400
        assert "Choose Satisfactory, Unsatisfactory or Needs review." in refused.content.decode()
    item.refresh_from_db()
    assert not item.grade
    assert signed_in.get(url).status_code == 405
    for query in ("?q=abc", "?q=999"):
        page = signed_in.get(reverse("orals_session", args=[session.pk]) + query)
        assert page.status_code == 200
        assert "Question 1 of 6" in page.content.decode()
    finish = signed_in.post(reverse("orals_finish", args=[session.pk]))
    assert finish.status_code == 400
    assert "Grade at least one question before you finish." in finish.content.decode()


def test_json_refusal_for_fetch(signed_in, session):
    item = session.items.first()
    response = signed_in.post(
        reverse("orals_grade", args=[session.pk, item.pk]),
        {"grade": "bogus"},
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 400
    assert "Satisfactory" in response.json()["error"]


def test_question_navigation(signed_in, session):
    url = reverse("orals_session", args=[session.pk])
    items = list(session.items.select_related("element").order_by("order"))
    text = signed_in.get(url + "?q=2").content.decode()
    assert f"Question 2 of {len(items)}" in text
    assert items[1].element.code in text
    current = re.search(r'<a href="\?q=(\d+)"[^>]*aria-current="step"', text)
    assert current.group(1) == "2"


def test_an_empty_plan_is_a_400_not_a_session(signed_in, standard, task):
    from learning.acs.models import AcsElement

    AcsElement.objects.filter(task=task).update(archived=True)
    response = start(signed_in, standard, tasks=[task.pk])
    assert response.status_code == 400
    assert "no current ACS elements" in response.content.decode()
    assert not MockOralSession.objects.exists()


def test_home_offers_resume_and_abandon(signed_in, session):
    text = signed_in.get(reverse("orals_home")).content.decode()
    assert "Resume your mock oral" in text
    assert reverse("orals_session", args=[session.pk]) in text
    assert f'action="{reverse("orals_abandon", args=[session.pk])}"' in text
    page = signed_in.get(reverse("orals_session", args=[session.pk])).content.decode()
    assert "Abandon this mock oral" in page
    assert f'action="{reverse("orals_finish", args=[session.pk])}"' not in page


def test_abandon_deletes_and_lets_the_learner_start_again(signed_in, learner, session, task):
    url = reverse("orals_abandon", args=[session.pk])
    assert signed_in.get(url).status_code == 405
    response = signed_in.post(url)
    assert response.status_code == 302
    assert response.url == reverse("orals_home")
    assert not MockOralSession.objects.exists()
    home = signed_in.get(reverse("orals_home")).content.decode()
    assert "Mock oral in progress" not in home
    assert "Your finished mock orals" in home  # no history entry, no 0% score
    assert signed_in.post(url).status_code == 404
    start(signed_in, session.standard, tasks=[task.pk])
    assert MockOralSession.objects.filter(user=learner, completed_at__isnull=True).count() == 1


def test_a_graded_session_is_finished_not_abandoned(signed_in, session):
    item = session.items.first()
    signed_in.post(reverse("orals_grade", args=[session.pk, item.pk]), {"grade": "satisfactory"})
    home = signed_in.get(reverse("orals_home")).content.decode()
    assert "1 question graded" in home
    assert reverse("orals_abandon", args=[session.pk]) not in home
    assert signed_in.post(reverse("orals_abandon", args=[session.pk])).status_code == 409
    assert MockOralSession.objects.filter(pk=session.pk).exists()


def test_abandon_junk_and_foreign_ids(client, session, other):
    client.force_login(other)
    assert client.post(reverse("orals_abandon", args=[session.pk])).status_code == 404
    assert MockOralSession.objects.filter(pk=session.pk).exists()
