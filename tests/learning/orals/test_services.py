"""Starting, grading and finishing mock orals through the services."""

import datetime
import random

from django.utils import timezone

import pytest

from accounts.factories import UserFactory
from learning.acs.factories import make_standard
from learning.acs.models import AcsElement, AcsTask
from learning.flashcards.models import CardState, Deck, DeckPurpose, Flashcard
from learning.orals import history, services
from learning.orals.models import Grade, MockOralItem, MockOralSection, MockOralSession

pytestmark = pytest.mark.django_db


def start(user, standard, **kwargs):
    kwargs.setdefault("planned_minutes", 15)
    kwargs.setdefault("rng", random.Random(4))
    return services.start_session(user, standard, **kwargs)


def test_start_plans_the_minimums_for_each_task(learner, standard, task):
    session, created = start(learner, standard, task_ids=[task.pk])
    assert created
    codes = [item.element.code for item in session.items.select_related("element")]
    kinds = {code.rsplit(".", 1)[1][0] for code in codes}
    assert kinds == {"K", "R", "S"}
    assert "PA.I.A.S1" in codes
    assert all(code.startswith("PA.I.A.") for code in codes)
    assert session.acs_type == standard.title
    assert list(session.tasks.all()) == [task]


def test_a_section_brings_its_tasks(learner, standard):
    section = MockOralSection.objects.get(name="Area II")
    session, _ = start(learner, standard, section_ids=[section.pk])
    assert {t.code for t in session.tasks.all()} == {"PA.II.A", "PA.II.B"}
    assert list(session.sections.all()) == [section]


def test_one_open_session_at_a_time_resumes_it(learner, standard, task):
    first, _ = start(learner, standard, task_ids=[task.pk])
    again, created = start(learner, standard, task_ids=[AcsTask.objects.get(code="PA.II.A").pk])
    assert not created
    assert again == first


@pytest.mark.parametrize(
    "scope",
    [
        {},
        {"task_ids": [999_999]},
        {"section_ids": [999_999]},
    ],
)
def test_scope_must_name_tasks_of_the_standard(learner, standard, scope):
    with pytest.raises(services.OralError) as caught:
        start(learner, standard, **scope)
    assert caught.value.status == 400


def test_tasks_of_another_standard_are_refused(learner, standard):
    other_standard = make_standard(code="IR", document_id="FAA-S-ACS-8C", title="Instrument")
    with pytest.raises(services.OralError):
        start(learner, other_standard, task_ids=[AcsTask.objects.get(code="PA.I.A").pk])


def test_odd_durations_and_unverified_learners_are_refused(standard, task, learner):
    with pytest.raises(services.OralError):
        start(learner, standard, task_ids=[task.pk], planned_minutes=10_000)
    with pytest.raises(services.OralError) as caught:
        start(UserFactory(verified=False), standard, task_ids=[task.pk])
    assert caught.value.status == 403


def test_missed_elements_come_back_first(learner, standard):
    """Over four tasks the minimums (K, R, S each) exceed 15 minutes' worth: the task with
    the element missed last time is planned first and asks that element; the tasks
    that do not fit are kept on the session as left for another one."""
    k3 = AcsElement.objects.get(code="PA.I.A.K3")
    before = MockOralSession.objects.create(
        user=learner, standard=standard, started_at=timezone.now(), completed_at=timezone.now()
    )
    MockOralItem.objects.create(
        session=before, element=k3, order=1, grade=Grade.UNSATISFACTORY, graded_at=timezone.now()
    )
    all_tasks = list(AcsTask.objects.values_list("pk", flat=True))
    for seed in range(5):
        MockOralSession.objects.filter(completed_at__isnull=True).delete()
        later, _ = start(learner, standard, task_ids=all_tasks, rng=random.Random(seed))
        knowledge = [
            i.element.code
            for i in later.items.filter(element__task__code="PA.I.A", element__kind="K")
        ]
        assert "PA.I.A.K3" in knowledge
        assert later.deferred_tasks.exists()
        assert not later.items.filter(element__task__in=later.deferred_tasks.all()).exists()


def test_finish_scores_and_makes_cards_once(learner, standard, task):
    session, _ = start(learner, standard, task_ids=[task.pk])
    items = list(session.items.order_by("order"))
    grades = [Grade.UNSATISFACTORY, Grade.NEEDS_REVIEW] + [Grade.SATISFACTORY] * (len(items) - 2)
    for item, grade in zip(items, grades, strict=True):
        services.grade_item(learner, session.pk, item.pk, grade)
    now = timezone.now()
    services.finish_session(learner, session.pk, now=now)
    session.refresh_from_db()
    assert session.score == round(100 * (len(items) - 2 + 0.5) / len(items))
    assert session.completed_at == now
    deck = Deck.objects.get(owner=learner, purpose=DeckPurpose.ORAL_REVIEW)
    card = Flashcard.objects.get(deck=deck)
    first = items[0]
    first.refresh_from_db()
    assert first.flashcard == card
    assert first.element.code in card.front
    assert first.element.text in card.back
    assert list(card.acs_elements.all()) == [first.element]
    state = CardState.objects.get(user=learner, card=card)
    assert state.due <= now + datetime.timedelta(hours=24)
    services.finish_session(learner, session.pk)
    assert Flashcard.objects.filter(deck=deck).count() == 1
    with pytest.raises(services.OralError) as caught:
        services.grade_item(learner, session.pk, items[1].pk, Grade.SATISFACTORY)
    assert caught.value.status == 409


def test_finishing_needs_a_grade(learner, standard, task):
    session, _ = start(learner, standard, task_ids=[task.pk])
    with pytest.raises(services.OralError):
        services.finish_session(learner, session.pk)


def test_other_learners_sessions_are_not_found(learner, other, standard, task):
    session, _ = start(learner, standard, task_ids=[task.pk])
    item = session.items.first()
    for call in (
        lambda: services.grade_item(other, session.pk, item.pk, Grade.SATISFACTORY),
        lambda: services.finish_session(other, session.pk),
    ):
        with pytest.raises(services.OralError) as caught:
            call()
        assert caught.value.status == 404
    mine, _ = start(other, standard, task_ids=[task.pk])
    with pytest.raises(services.OralError) as caught:
        services.grade_item(other, mine.pk, item.pk, Grade.SATISFACTORY)
    assert caught.value.status == 404


def test_an_empty_plan_is_refused_and_creates_nothing(learner, standard, task):
    AcsElement.objects.filter(task=task).update(archived=True)
    with pytest.raises(services.OralError) as caught:
        start(learner, standard, task_ids=[task.pk])
    assert caught.value.status == 400
    assert not MockOralSession.objects.exists()
    session, created = start(learner, standard, task_ids=[AcsTask.objects.get(code="PA.I.B").pk])
    assert created
    assert session.items.exists()


def test_abandoning_an_ungraded_session_frees_the_learner(learner, standard, task):
    first, _ = start(learner, standard, task_ids=[task.pk])
    services.abandon_session(learner, first.pk)
    assert not MockOralSession.objects.filter(pk=first.pk).exists()
    assert not MockOralItem.objects.filter(session_id=first.pk).exists()
    assert history.finished_sessions(learner) == []
    again, created = start(learner, standard, task_ids=[task.pk])
    assert created
    assert again.pk != first.pk


def test_a_session_left_empty_by_old_code_can_be_abandoned(learner, standard, task):
    stuck = MockOralSession.objects.create(
        user=learner, standard=standard, started_at=timezone.now()
    )
    assert start(learner, standard, task_ids=[task.pk]) == (stuck, False)
    services.abandon_session(learner, stuck.pk)
    assert start(learner, standard, task_ids=[task.pk])[1]


def test_graded_finished_and_foreign_sessions_are_not_abandoned(learner, other, standard, task):
    session, _ = start(learner, standard, task_ids=[task.pk])
    with pytest.raises(services.OralError) as caught:
        services.abandon_session(other, session.pk)
    assert caught.value.status == 404
    item = session.items.first()
    services.grade_item(learner, session.pk, item.pk, Grade.SATISFACTORY)
    with pytest.raises(services.OralError) as caught:
        services.abandon_session(learner, session.pk)
    assert caught.value.status == 409
    services.finish_session(learner, session.pk)
    with pytest.raises(services.OralError) as caught:
        services.abandon_session(learner, session.pk)
    assert caught.value.status == 409
    assert MockOralSession.objects.filter(pk=session.pk, score=100).exists()
