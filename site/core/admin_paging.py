"""Counting admin lists without counting a huge table on every page.

wagtail-modeladmin's index view runs ``COUNT(*)`` up to three times a page (the whole
list, the filtered list and the paginator's own), and a full count of millions of review
logs takes a third of a second each time. Here a list is counted once, and an
unfiltered list over a table PostgreSQL believes holds more than ESTIMATE_ABOVE rows is
not counted at all: the planner's row estimate (``pg_class.reltuples``, refreshed by
autovacuum's ANALYZE) is shown as "about N" and the paginator lets the reader go past
it when the estimate falls short, so no row is out of reach.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db import connections
from django.utils.formats import number_format

from wagtail.admin.paginator import WagtailPaginator

ESTIMATE_ABOVE = 100_000


def whole_table(queryset):
    """The queryset reads every row of its table: no WHERE, no DISTINCT, no slice.
    Joins for select_related follow foreign keys and so keep the row count."""
    query = queryset.query
    return not query.where and not query.distinct and query.low_mark == 0 and not query.high_mark


def whole_table_rows(queryset):
    """(rows, estimated) for a whole table on PostgreSQL, in one query whatever the
    table's size: the planner's estimate when it says more than ESTIMATE_ABOVE rows, an
    exact count otherwise (CASE runs the count only in that branch). None elsewhere."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    table = connection.ops.quote_name(queryset.model._meta.db_table)  # a model's, not input
    sql = (
        "SELECT CASE WHEN reltuples > %s THEN reltuples::bigint"  # noqa: S608
        f" ELSE (SELECT COUNT(*) FROM {table}) END, reltuples > %s"
        " FROM pg_class WHERE oid = %s::regclass"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [ESTIMATE_ABOVE, ESTIMATE_ABOVE, queryset.model._meta.db_table])
        rows, estimated = cursor.fetchone()
    return ListCount(rows, estimated=estimated)


class ListCount:
    """How many rows a list holds, and whether that number is an estimate."""

    def __init__(self, rows, estimated=False):
        self.rows = rows
        self.estimated = estimated

    def __str__(self):
        shown = number_format(self.rows, force_grouping=True)
        return f"about {shown}" if self.estimated else shown

    def __bool__(self):
        return self.rows > 0


def count_rows(queryset):
    """Count ``queryset`` exactly, or estimate it when it is a whole big table."""
    if whole_table(queryset):
        counted = whole_table_rows(queryset)
        if counted is not None:
            return counted
    return ListCount(queryset.count())


class KnownCountPaginator(WagtailPaginator):
    """A paginator told its count instead of asking the database again. With an
    estimated count, any page that has rows is served and the last page is not cut at
    the estimate; "next" shows while a page is full."""

    def __init__(self, object_list, per_page, *, list_count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.list_count = list_count
        self.__dict__["count"] = list_count.rows

    @property
    def items_count_label(self):
        label = self.verbose_name if self.count == 1 else self.verbose_name_plural
        return f"{self.list_count} {label}"

    def validate_number(self, number):
        if not self.list_count.estimated:
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger("That page number is not an integer") from error
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        return number

    def page(self, number):
        if not self.list_count.estimated:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page])
        if not rows and number > 1:
            raise EmptyPage("That page contains no results")
        page = self._get_page(rows, number, self)
        if len(rows) == self.per_page:
            page.has_next = lambda: True
        return page
