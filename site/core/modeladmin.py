"""What every wagtail-modeladmin admin of the project shares: the base class that checks
permissions and scoping on every view, CSV/XLSX export, and read-only permissions."""

from django.contrib.admin.utils import lookup_field, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import InvalidPage
from django.http import Http404

from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from .admin_paging import KnownCountPaginator, count_rows
from .csv import guard_formula, needs_guard


class CountOnceIndexView(IndexView):
    """modeladmin's listing, counted once (see core.admin_paging): the paginator and
    "N out of M" reuse that count, and the unfiltered total is only counted again when
    a filter or a search narrows the list."""

    NOT_NARROWING = (IndexView.ORDER_VAR, IndexView.ORDER_TYPE_VAR)

    def is_narrowed(self):
        return any(
            key not in self.NOT_NARROWING and (key != self.SEARCH_VAR or self.query)
            for key in self.params
        )

    def get_context_data(self, **kwargs):
        if self.is_pagemodel:
            return super().get_context_data(**kwargs)
        queryset = self.get_queryset()
        result_count = count_rows(queryset)
        all_count = count_rows(self.get_base_queryset()) if self.is_narrowed() else result_count
        paginator = KnownCountPaginator(queryset, self.items_per_page, list_count=result_count)
        try:
            page_obj = paginator.page(self.page_num)
        except InvalidPage:
            page_obj = paginator.page(1)
        context = {
            "view": self,
            "all_count": all_count,
            "result_count": result_count,
            "paginator": paginator,
            "page_obj": page_obj,
            "elided_page_range": paginator.get_elided_page_range(self.page_num),
            "object_list": page_obj.object_list,
            "user_can_create": self.permission_helper.user_can_create(self.request.user),
            "show_search": self.search_handler.show_search_form,
            **kwargs,
        }
        return super(IndexView, self).get_context_data(**context)


class SafeExportIndexView(CountOnceIndexView):
    """Exports real values (modeladmin would write every falsy value, False or 0, as "-")
    and defuses cells that a spreadsheet would run as formulas."""

    def to_row_dict(self, item):
        return {field: lookup_field(field, item, self.model_admin)[2] for field in self.list_export}

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and needs_guard(value):
            return guard_formula(value)
        return value


class ReadOnlyPermissionHelper(PermissionHelper):
    """List, inspect and export only: rows that services write (progress, certificates,
    reviews, gouge) are never added, edited or deleted by hand in the admin."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class ScopedModelAdmin(ModelAdmin):
    """The base of every ModelAdmin in the project: an object's views show only what its
    listing would, to whom the permission helper allows.

    wagtail-modeladmin's inspect, edit, delete and history views load the object by id
    from the model's default manager, so the scoping in get_queryset (the listing's rows:
    an instructor's courses, official decks) does not reach them, and its history view
    checks no permission at all. Here each of them first needs the listing permission,
    then finds the object in get_queryset(request) (404 if it is not there), then asks
    the permission helper: inspect, edit and delete their own question; history the one
    for seeing the object (inspect when the admin has an inspect view, else listing).
    Index, export and create keep modeladmin's own checks (user_can_list, user_can_create)
    and the index its get_queryset. The index counts its rows once (CountOnceIndexView).
    """

    index_view_class = CountOnceIndexView

    def user_can_see_obj(self, user, obj):
        helper = self.permission_helper
        if self.inspect_view_enabled:
            return helper.user_can_inspect_obj(user, obj)
        return helper.user_can_list(user)

    def checked_instance(self, request, instance_pk, allowed):
        """The object behind `instance_pk` as request.user's listing has it, if
        `allowed(user, obj)`; PermissionDenied or Http404 otherwise."""
        if not self.permission_helper.user_can_list(request.user):
            raise PermissionDenied
        try:
            obj = self.get_queryset(request).filter(pk=unquote(instance_pk)).first()
        except (ValueError, TypeError, OverflowError, ValidationError):
            obj = None
        if obj is None:
            raise Http404(f"No {self.opts.verbose_name} matches the given query.")
        if not allowed(request.user, obj):
            raise PermissionDenied
        return obj

    def inspect_view(self, request, instance_pk):
        self.checked_instance(request, instance_pk, self.permission_helper.user_can_inspect_obj)
        return super().inspect_view(request, instance_pk)

    def edit_view(self, request, instance_pk):
        self.checked_instance(request, instance_pk, self.permission_helper.user_can_edit_obj)
        return super().edit_view(request, instance_pk)

    def delete_view(self, request, instance_pk):
        self.checked_instance(request, instance_pk, self.permission_helper.user_can_delete_obj)
        return super().delete_view(request, instance_pk)

    def history_view(self, request, instance_pk):
        self.checked_instance(request, instance_pk, self.user_can_see_obj)
        return super().history_view(request, instance_pk)
