"""What every wagtail-modeladmin listing with CSV/XLSX export shares."""

from django.contrib.admin.utils import lookup_field

from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.views import IndexView

# Spreadsheet apps run cells starting with these as formulas; names and titles are user input.
CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class SafeExportIndexView(IndexView):
    """Exports real values (modeladmin would write every falsy value, False or 0, as "-")
    and defuses cells that a spreadsheet would run as formulas."""

    def to_row_dict(self, item):
        return {field: lookup_field(field, item, self.model_admin)[2] for field in self.list_export}

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and str(value).startswith(CSV_FORMULA_PREFIXES):
            return "'" + str(value)
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
