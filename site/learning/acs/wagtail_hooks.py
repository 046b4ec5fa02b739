"""The ACS in the Wagtail admin: browse standards, areas, tasks and elements (read-mostly).

The FAA's document is the source of truth and `import_acs` its only writer, so nothing
here can be added, deleted or retyped. Two flags of an element may change: whether a skill
element "can be evaluated on the ground" (instructors and admins, with the change
permission; the mock-oral planner asks every such skill, and the next import keeps the
edited value), and, for admins only, the archived flag (to stop offering an element for
tagging before the next revision is imported; the next import sets it again).
"""

from django.contrib.admin import SimpleListFilter, display
from django.db.models import Count
from django.utils.text import Truncator

from wagtail.admin.panels import FieldPanel

from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import EditView

from core.modeladmin import ReadOnlyPermissionHelper, ScopedModelAdmin

from .models import AcsArea, AcsElement, AcsStandard, AcsTask


class ArchiveOnlyPermissionHelper(PermissionHelper):
    """Elements: edit (two flags only, see panels) with the change permission; never add
    or delete, which would break the codes other content is tagged with."""

    def user_can_create(self, user):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class ElementEditView(EditView):
    """Remembers that a person set the ground flag, so a re-import does not undo it."""

    def form_valid(self, form):
        if "ground_evaluable" in form.changed_data:
            form.instance.ground_evaluable_edited = True
        return super().form_valid(form)


class AreaFilter(SimpleListFilter):
    """Areas of operation as "PA.IX. Emergency Operations", named in one query (the stock
    related-field filter would fetch each area's standard to print its code)."""

    title = "area of operation"
    parameter_name = "area"
    lookup = "area_id"

    def lookups(self, request, model_admin):
        return [(str(area.pk), str(area)) for area in AcsArea.objects.select_related("standard")]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit() and len(value) < 10:
            return queryset.filter(**{self.lookup: int(value)})
        return queryset


class ElementAreaFilter(AreaFilter):
    lookup = "task__area_id"


class AcsStandardAdmin(ScopedModelAdmin):
    model = AcsStandard
    menu_label = "Standards"
    menu_icon = "doc-full"
    list_display = ["code", "title", "document_id", "revision_date", "task_count", "imported_at"]
    search_fields = ["code", "title", "document_id"]
    inspect_view_enabled = True
    inspect_view_fields = ["code", "title", "document_id", "revision_date", "slug", "imported_at"]
    permission_helper_class = ReadOnlyPermissionHelper

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(tasks_total=Count("areas__tasks"))

    @display(description="Tasks", ordering="tasks_total")
    def task_count(self, standard):
        return standard.tasks_total


class AcsAreaAdmin(ScopedModelAdmin):
    model = AcsArea
    menu_label = "Areas of operation"
    menu_icon = "folder-open-inverse"
    list_display = ["area_code", "title", "standard", "task_count"]
    list_filter = ["standard"]
    search_fields = ["numeral", "title"]
    list_select_related = ["standard"]
    inspect_view_enabled = True
    inspect_view_fields = ["standard", "numeral", "title", "order"]
    permission_helper_class = ReadOnlyPermissionHelper

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(tasks_total=Count("tasks"))

    @display(description="Code", ordering="order")
    def area_code(self, area):
        return area.code

    @display(description="Tasks", ordering="tasks_total")
    def task_count(self, area):
        return area.tasks_total


class AcsTaskAdmin(ScopedModelAdmin):
    model = AcsTask
    menu_label = "Tasks"
    menu_icon = "list-ul"
    list_display = ["code", "title", "area", "element_count"]
    list_filter = ["area__standard", AreaFilter]
    search_fields = ["code", "title", "objective", "references"]
    list_select_related = ["area__standard"]
    list_per_page = 100
    inspect_view_enabled = True
    inspect_view_fields = [
        "code",
        "area",
        "letter",
        "title",
        "airplane_classes",
        "references",
        "objective",
        "notes",
        "order",
    ]
    permission_helper_class = ReadOnlyPermissionHelper

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(elements_total=Count("elements"))

    @display(description="Elements", ordering="elements_total")
    def element_count(self, task):
        return task.elements_total


class AcsElementAdmin(ScopedModelAdmin):
    model = AcsElement
    menu_label = "Elements"
    menu_icon = "tag"
    list_display = ["code", "kind", "short_text", "task_code", "on_the_ground", "archived"]
    list_filter = [
        "task__area__standard",
        ElementAreaFilter,
        "kind",
        "ground_evaluable",
        "archived",
    ]
    search_fields = ["code", "text"]
    list_select_related = ["task"]
    list_per_page = 100
    inspect_view_enabled = True
    inspect_view_fields = [
        "code",
        "kind",
        "text",
        "task",
        "parent",
        "order",
        "airplane_classes",
        "min_sub_elements",
        "ground_evaluable",
        "crosswind",
        "choice_group",
        "archived",
    ]
    panels = [FieldPanel("ground_evaluable"), FieldPanel("archived", permission="superuser")]
    permission_helper_class = ArchiveOnlyPermissionHelper
    edit_view_class = ElementEditView

    @display(description="Text", ordering="text")
    def short_text(self, element):
        return Truncator(element.text).chars(120)

    @display(description="Task", ordering="task__code")
    def task_code(self, element):
        return element.task.code

    @display(description="Ground", boolean=True, ordering="ground_evaluable")
    def on_the_ground(self, element):
        """Short header: the flag's full name would squeeze the code and text columns."""
        return element.ground_evaluable


class AcsAdminGroup(ModelAdminGroup):
    menu_label = "ACS"
    menu_icon = "list-ol"
    menu_order = 765
    items = [AcsStandardAdmin, AcsAreaAdmin, AcsTaskAdmin, AcsElementAdmin]


modeladmin_register(AcsAdminGroup)
