"""URL converters shared by every app, registered by CoreConfig.ready() (before any
URLconf is imported, the admin's included).

`<id:...>` matches a database id: up to nine digits, so an id too large for the
database's integer columns (which would raise OverflowError on SQLite and a
DataError on PostgreSQL) never reaches a query; such URLs are simply not found.
"""

from django.urls import register_converter


class IdConverter:
    regex = "[0-9]{1,9}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


def register_converters():
    register_converter(IdConverter, "id")
