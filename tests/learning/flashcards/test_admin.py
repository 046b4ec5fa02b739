"""Flashcards in the Wagtail admin: instructors edit official decks and cards (sanitized,
and learners who study the deck get the new card) of the courses they may edit, never a
learner's own deck, not even by URL; learners' states and logs are read-only, exportable
listings."""

import csv
import io

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import GroupPagePermission

import pytest

from accounts.factories import UserFactory
from learning.courses.factories import make_catalog, make_course
from learning.courses.models import CourseInstructor
from learning.courses.permissions import grant_course_editing
from learning.enrollments.factories import enroll
from learning.flashcards import services
from learning.flashcards.factories import DeckFactory, FlashcardFactory
from learning.flashcards.models import CardState, Deck, Flashcard, FlashcardCategory
from learning.flashcards.permissions import grant_deck_editing

from .conftest import make_deck

pytestmark = pytest.mark.django_db

DECKS = reverse("flashcards_deck_modeladmin_index")
CARDS = reverse("flashcards_flashcard_modeladmin_index")
CARD_ADD = reverse("flashcards_flashcard_modeladmin_create")
CATEGORIES = reverse("flashcards_flashcardcategory_modeladmin_index")
LOGS = reverse("flashcards_reviewlog_modeladmin_index")
STATES = reverse("flashcards_cardstate_modeladmin_index")


def url(action, obj):
    return reverse(f"flashcards_{obj._meta.model_name}_modeladmin_{action}", args=[obj.pk])


def instructor(client, name, grant_pages):
    """A signed-in admin user in a group with the demo's flashcard rights plus the page
    rights `grant_pages(group)` gives."""
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    grant_deck_editing(group)
    grant_pages(group)
    user = UserFactory()
    user.groups.add(group)
    client.force_login(user)
    return client


@pytest.fixture
def catalog(db):
    return make_catalog(publish=True)


@pytest.fixture
def official_deck(catalog):
    course = make_course(catalog, publish=True)
    deck = DeckFactory(owner=None, course=course, name="Official essentials", is_public=True)
    FlashcardFactory(deck=deck, front="What is VNE?")
    return deck


@pytest.fixture
def other_course_deck(catalog):
    course = make_course(catalog, title="Commercial Pilot Prep", publish=True)
    deck = DeckFactory(owner=None, course=course, name="Commercial maneuvers")
    FlashcardFactory(deck=deck, front="Chandelle entry speed?")
    return deck


@pytest.fixture
def editor_client(client, catalog):
    """An instructor who may edit every course in the catalog (as the demo sets up)."""
    return instructor(client, "Instructors", lambda group: grant_course_editing(group, catalog))


@pytest.fixture
def course_a_client(client, official_deck):
    """An instructor whose page rights cover only the official deck's course."""

    def grant(group):
        change = Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        )
        GroupPagePermission.objects.create(
            group=group, page=official_deck.course, permission=change
        )

    return instructor(client, "Course A instructors", grant)


def test_editor_lists_official_decks_cards_and_categories(editor_client, official_deck, learner):
    make_deck(learner, cards=1, name="My secret deck")
    decks = editor_client.get(DECKS).content.decode()
    assert "Official essentials" in decks
    assert "My secret deck" not in decks
    cards = editor_client.get(CARDS, {"q": "VNE"})
    assert cards.status_code == 200
    assert "What is VNE?" in cards.content.decode()
    assert editor_client.get(CATEGORIES).status_code == 200
    assert_refused(editor_client, LOGS, methods=("get",))  # not an instructor's business


def test_a_card_added_in_the_admin_is_sanitized_and_queued(editor_client, official_deck, learner):
    services.start_studying(learner, official_deck)
    response = editor_client.post(
        CARD_ADD,
        {
            "deck": official_deck.pk,
            "front": "<b>Vy</b><script>alert(1)</script>",
            "back": "Best rate of climb",
            "difficulty": 2,
            "tags": "v-speeds",
            "position": 5,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    card = Flashcard.objects.get(deck=official_deck, position=5)
    assert card.front == "<b>Vy</b>"
    assert CardState.objects.filter(user=learner, card=card, state=0).exists()


def test_learners_decks_cannot_be_chosen_for_admin_cards(editor_client, official_deck, learner):
    mine = make_deck(learner, cards=0)
    response = editor_client.post(
        CARD_ADD, {"deck": mine.pk, "front": "x", "back": "y", "difficulty": 2, "position": 0}
    )
    assert response.status_code == 200
    assert not Flashcard.objects.filter(deck=mine).exists()


def test_admin_sees_read_only_logs_and_states_with_csv(admin_client, learner, deck):
    card = deck.cards.first()
    services.review_card(learner, card.pk, 3)
    assert admin_client.get(STATES).status_code == 200
    page = admin_client.get(LOGS)
    assert page.status_code == 200
    assert learner.email in page.content.decode()
    response = admin_client.get(LOGS, {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    assert rows[0]["Rating"] == "3"
    add = reverse("flashcards_reviewlog_modeladmin_create")
    assert_refused(admin_client, add, methods=("get",))


def test_logs_and_states_show_instructors_only_the_courses_they_teach(
    client, learner, official_deck, other_course_deck
):
    """Even with the log and state permissions and page rights on every course, an
    instructor sees learners' work only in the official decks of courses they are
    credited on; learners' own decks, never."""
    for deck in (official_deck, other_course_deck):
        enroll(learner, deck.course)
        services.start_studying(learner, deck)
    taught = services.review_card(learner, official_deck.cards.get().pk, 3)[1]
    untaught = services.review_card(learner, other_course_deck.cards.get().pk, 3)[1]
    private = make_deck(learner, cards=1, name="My secret deck")
    own = services.review_card(learner, private.cards.get().pk, 3)[1]

    def grant(group):
        grant_course_editing(group, official_deck.course.get_parent())
        codenames = ["view_reviewlog", "view_cardstate"]
        group.permissions.add(*Permission.objects.filter(codename__in=codenames))

    instructor(client, "Log readers", grant)
    user = Group.objects.get(name="Log readers").user_set.get()
    CourseInstructor.objects.create(page=official_deck.course, user=user)

    def listed(path):
        response = client.get(path, {"export": "csv"})
        rows = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
        return sorted(row["Card"] for row in rows)

    assert listed(LOGS) == listed(STATES) == [str(taught.card)]
    for log in (untaught, own):
        assert client.get(url("history", log)).status_code == 404
    assert client.get(url("history", taught)).status_code == 200
    CourseInstructor.objects.filter(user=user).delete()
    assert listed(LOGS) == listed(STATES) == []
    assert client.get(url("history", taught)).status_code == 404


def test_an_official_deck_needs_a_course(editor_client, official_deck):
    add = reverse("flashcards_deck_modeladmin_create")
    response = editor_client.post(add, {"name": "No course", "description": ""})
    assert response.status_code == 200
    assert "Choose the course" in response.content.decode()
    course = official_deck.course
    response = editor_client.post(add, {"name": "Second deck", "course": course.pk})
    assert response.status_code == 302
    assert course.flashcard_decks.filter(name="Second deck", owner=None).exists()


def assert_refused(client, path, methods=("get", "post")):
    """A refused action: Wagtail's admin turns PermissionDenied into a redirect to its
    dashboard, which shows why."""
    for method in methods:
        response = getattr(client, method)(path, {"name": "Taken over"})
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home")), path
        dashboard = client.get(response.url).content.decode()
        assert "Sorry, you do not have permission to access this area." in dashboard, path


def assert_not_found(client, path):
    """An object outside the user's scope is not found at all (its existence stays hidden)."""
    for response in (client.get(path), client.post(path, {"name": "Taken over"})):
        assert response.status_code == 404, path
        assert "Page not found" in response.content.decode(), path


def test_a_learners_deck_and_cards_cannot_be_opened_or_deleted_by_url(editor_client, learner):
    mine = make_deck(learner, cards=1, name="My secret deck")
    card = mine.cards.get()
    card.front = "My secret front"
    card.save()
    for path in (url("edit", mine), url("delete", mine), url("edit", card), url("delete", card)):
        assert_not_found(editor_client, path)
        assert "My secret" not in editor_client.get(path, follow=True).content.decode()
    assert Deck.objects.filter(pk=mine.pk, name="My secret deck").exists()
    assert Flashcard.objects.filter(pk=card.pk, front="My secret front").exists()
    for obj in (mine, card):  # no inspect view is registered: nothing to open
        path = f"/admin/flashcards/{obj._meta.model_name}/inspect/{obj.pk}/"
        assert editor_client.get(path).status_code == 404


def test_the_card_deck_filter_names_official_decks_only(editor_client, official_deck, learner):
    mine = make_deck(learner, cards=1, name="My secret deck")
    page = editor_client.get(CARDS).content.decode()
    assert "Official essentials" in page
    assert "My secret deck" not in page
    only_mine = editor_client.get(CARDS, {"deck": mine.pk}).content.decode()
    assert "Front 0" not in only_mine
    official = editor_client.get(CARDS, {"deck": official_deck.pk}).content.decode()
    assert "What is VNE?" in official
    for junk in ("abc", "9" * 30, "1\x00"):
        assert editor_client.get(CARDS, {"deck": junk}).status_code == 200


def test_an_instructor_works_only_on_their_own_courses_decks(
    course_a_client, official_deck, other_course_deck
):
    decks = course_a_client.get(DECKS).content.decode()
    assert "Official essentials" in decks
    assert "Commercial maneuvers" not in decks
    cards = course_a_client.get(CARDS).content.decode()
    assert "What is VNE?" in cards
    assert "Chandelle" not in cards
    assert "Commercial maneuvers" not in cards  # nor in the deck filter
    other_card = other_course_deck.cards.get()
    for path in (url("edit", other_course_deck), url("delete", other_course_deck)):
        assert_not_found(course_a_client, path)
    for path in (url("edit", other_card), url("delete", other_card)):
        assert_not_found(course_a_client, path)
    assert Deck.objects.filter(pk=other_course_deck.pk, name="Commercial maneuvers").exists()
    assert Flashcard.objects.filter(pk=other_card.pk).exists()
    assert course_a_client.get(url("edit", official_deck)).status_code == 200


def test_an_instructor_cannot_move_work_into_another_course(
    course_a_client, official_deck, other_course_deck
):
    card = official_deck.cards.get()
    response = course_a_client.post(
        url("edit", card),
        {
            "deck": other_course_deck.pk,
            "front": "Moved",
            "back": "x",
            "difficulty": 2,
            "position": 0,
        },
    )
    assert response.status_code == 200
    assert Flashcard.objects.get(pk=card.pk).deck_id == official_deck.pk
    response = course_a_client.post(
        reverse("flashcards_deck_modeladmin_create"),
        {"name": "Sneaky", "course": other_course_deck.course_id},
    )
    assert response.status_code == 200
    assert not Deck.objects.filter(name="Sneaky").exists()


def test_a_superuser_still_edits_every_official_deck(
    admin_client, official_deck, other_course_deck, learner
):
    make_deck(learner, cards=1, name="My secret deck")
    decks = admin_client.get(DECKS).content.decode()
    assert "Official essentials" in decks
    assert "Commercial maneuvers" in decks
    assert "My secret deck" not in decks
    assert admin_client.get(url("edit", other_course_deck)).status_code == 200
    response = admin_client.post(url("delete", other_course_deck.cards.get()))
    assert response.status_code == 302
    assert not other_course_deck.cards.exists()


def test_instructors_may_not_delete_shared_categories(editor_client, official_deck):
    category = FlashcardCategory.objects.create(name="Weather")
    official_deck.category = category
    official_deck.save()
    assert_refused(editor_client, url("delete", category))
    assert Deck.objects.get(pk=official_deck.pk).category == category


def listing_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_listings_check_permissions_without_a_query_per_row(course_a_client, official_deck):
    listing_queries(course_a_client, DECKS)  # the first admin request fills caches
    few = (listing_queries(course_a_client, DECKS), listing_queries(course_a_client, CARDS))
    for n in range(4):
        deck = DeckFactory(owner=None, course=official_deck.course, name=f"Deck {n}")
        FlashcardFactory(deck=deck, front=f"Card {n}")
    many = (listing_queries(course_a_client, DECKS), listing_queries(course_a_client, CARDS))
    assert many == few, (few, many)
