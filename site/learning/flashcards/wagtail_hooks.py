"""Flashcards in the Wagtail admin: official decks and their cards for instructors and
editors, categories, and read-only, exportable listings of learners' states and logs.

Only official (course) decks appear here, and only those of courses the user may edit in
Wagtail's page tree: a learner's own deck is theirs alone, and an instructor's deck rights
follow their course rights. Modeladmin's edit, delete and inspect views load the object by
id from the default manager, so the permission helper checks every object too.

Card text is sanitized exactly as on the site, and a card added here gets a NEW state for
every learner who already studies its deck, as cards added elsewhere do.
Review logs and card states are written only by the study services; they list only the
learners' work in the official decks of courses where the user manages students, of
learners who share it (enrollments.records), all of it for superusers.
"""

from django import forms
from django.contrib.admin import SimpleListFilter, display
from django.db.models import Count

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies.pages import PagePermissionPolicy

from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from core.modeladmin import ReadOnlyPermissionHelper, SafeExportIndexView, ScopedModelAdmin
from core.query import as_id
from learning.courses.models import CoursePage
from learning.enrollments.records import shared_records

from .models import CardState, Deck, Flashcard, FlashcardCategory, ReviewLog
from .sanitize import card_text, clean_card_html


def editable_courses(user):
    """Courses whose pages `user` may edit (what Wagtail's `can_edit()` allows, as one
    query): all of them for a superuser, none for an anonymous or inactive user."""
    if user is None or not user.is_authenticated:
        return CoursePage.objects.none()
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return CoursePage.objects.filter(pk__in=pages.values("pk"))


def official_decks(user):
    """The official decks `user` may work on in the admin; never a learner's own deck."""
    return Deck.objects.filter(course__in=editable_courses(user))


class OfficialDeckPermissionHelper(PermissionHelper):
    """Model permissions (the Instructors group's) plus page rights on the deck's course,
    checked per object: the listing's filter does not reach the edit, delete or inspect
    views, which load any id from the URL."""

    def course_of(self, obj):
        return obj.course if obj.course_id else None

    def user_may_work_on(self, user, obj):
        course = self.course_of(obj)
        return course is not None and course.permissions_for_user(user).can_edit()

    def user_can_create(self, user):
        return super().user_can_create(user) and editable_courses(user).exists()

    def user_can_inspect_obj(self, user, obj):
        return super().user_can_inspect_obj(user, obj) and self.user_may_work_on(user, obj)

    def user_can_edit_obj(self, user, obj):
        return super().user_can_edit_obj(user, obj) and self.user_may_work_on(user, obj)

    def user_can_delete_obj(self, user, obj):
        return super().user_can_delete_obj(user, obj) and self.user_may_work_on(user, obj)


class OfficialCardPermissionHelper(OfficialDeckPermissionHelper):
    def course_of(self, obj):
        return obj.deck.course if obj.deck.course_id else None


class OfficialDeckFilter(SimpleListFilter):
    """The card listing's deck filter: Django's field filter would name every deck,
    learners' personal ones included."""

    title = "deck"
    parameter_name = "deck"

    def lookups(self, request, model_admin):
        decks = official_decks(request.user).order_by("name", "pk").values_list("pk", "name")
        return [(str(pk), name) for pk, name in decks]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        return queryset.filter(deck_id=as_id(self.value()))


class OfficialDeckForm(WagtailAdminModelForm):
    """An official deck belongs to a course (the model's owner-xor-course rule), and to one
    the user may edit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = editable_courses(self.for_user)

    def clean_course(self):
        course = self.cleaned_data.get("course")
        if course is None:
            raise forms.ValidationError("Choose the course this official deck belongs to.")
        return course


class OfficialCardForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deck"].queryset = official_decks(self.for_user)

    def clean_front(self):
        return clean_card_html(self.cleaned_data["front"])

    def clean_back(self):
        return clean_card_html(self.cleaned_data["back"])

    def save(self, commit=True):
        created = self.instance.pk is None
        card = super().save(commit=commit)
        if commit and created:
            from .services import states_for_new_cards

            states_for_new_cards([card])
        return card


class DeckAdmin(ScopedModelAdmin):
    model = Deck
    menu_label = "Decks"
    menu_icon = "folder-open-inverse"
    list_display = [
        "name",
        "course",
        "category",
        "is_public",
        "card_count",
        "current_as_of",
        "updated_at",
    ]
    list_filter = ["category", "is_public"]
    search_fields = ["name", "description"]
    list_select_related = ["course", "category"]
    permission_helper_class = OfficialDeckPermissionHelper
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("description"),
            FieldPanel("course"),
            FieldPanel("category"),
            FieldPanel("is_public"),
            FieldPanel("reviewed_by"),
            FieldPanel("current_as_of"),
        ],
        base_form_class=OfficialDeckForm,
    )

    def get_queryset(self, request):
        official = super().get_queryset(request).filter(course__in=editable_courses(request.user))
        return official.annotate(cards_total=Count("cards"))

    @display(description="Cards", ordering="cards_total")
    def card_count(self, deck):
        return deck.cards_total


class FlashcardAdmin(ScopedModelAdmin):
    model = Flashcard
    menu_label = "Cards"
    menu_icon = "doc-full"
    list_display = ["front_text", "deck", "category", "difficulty", "tags"]
    list_filter = [OfficialDeckFilter, "category", "difficulty"]
    search_fields = ["front", "back", "tags"]
    list_select_related = ["deck__course", "category"]
    permission_helper_class = OfficialCardPermissionHelper
    edit_handler = ObjectList(
        [
            FieldPanel("deck"),
            FieldPanel("front"),
            FieldPanel("back"),
            FieldPanel("image"),
            FieldPanel("category"),
            FieldPanel("difficulty"),
            FieldPanel("tags"),
            FieldPanel("acs_elements"),
            FieldPanel("position"),
        ],
        base_form_class=OfficialCardForm,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).filter(deck__in=official_decks(request.user))

    @display(description="Front", ordering="front")
    def front_text(self, card):
        return card_text(card.front)[:80]


class FlashcardCategoryAdmin(ScopedModelAdmin):
    model = FlashcardCategory
    menu_label = "Categories"
    menu_icon = "tag"
    list_display = ["name"]
    search_fields = ["name"]


def learners_of_taught_decks(request, rows):
    """Review logs or card states of learners who share them, in the official decks of
    courses where the user manages students (enrollments.records); a learner's own decks
    are a superuser's alone."""
    return shared_records(request.user, rows, course="card__deck__course")


class ReviewLogAdmin(ScopedModelAdmin):
    model = ReviewLog
    menu_label = "Review logs"
    menu_icon = "list-ul"
    list_display = [
        "reviewed_at",
        "user",
        "card",
        "rating",
        "state_before",
        "state_after",
        "retrievability",
        "duration_ms",
        "imported",
    ]
    list_export = [*list_display, "due_before", "due_after"]
    export_filename = "flashcard-review-logs"
    list_filter = ["rating", "state_before", "imported", "reviewed_at"]
    search_fields = ["user__email"]
    list_select_related = ["user", "card"]
    ordering = ["-reviewed_at", "-pk"]
    index_view_class = SafeExportIndexView
    permission_helper_class = ReadOnlyPermissionHelper

    def get_queryset(self, request):
        return learners_of_taught_decks(request, super().get_queryset(request))


class CardStateAdmin(ScopedModelAdmin):
    model = CardState
    menu_label = "Card states"
    menu_icon = "time"
    list_display = ["user", "card", "state", "due", "stability", "reps", "lapses", "suspended"]
    list_export = [*list_display, "difficulty", "last_review", "buried_until"]
    export_filename = "flashcard-card-states"
    list_filter = ["state", "suspended"]
    search_fields = ["user__email"]
    list_select_related = ["user", "card"]
    ordering = ["due", "pk"]
    index_view_class = SafeExportIndexView
    permission_helper_class = ReadOnlyPermissionHelper

    def get_queryset(self, request):
        return learners_of_taught_decks(request, super().get_queryset(request))


class FlashcardsGroup(ModelAdminGroup):
    menu_label = "Flashcards"
    menu_icon = "doc-full-inverse"
    menu_order = 760
    items = [DeckAdmin, FlashcardAdmin, FlashcardCategoryAdmin, ReviewLogAdmin, CardStateAdmin]


modeladmin_register(FlashcardsGroup)
