"""Reading search boxes, ids and listing filters from query strings the same way
everywhere: leniently, so bad input gives a notice or nothing, never an error."""

import re
from dataclasses import dataclass, field

DEFAULT_MAX_LENGTH = 100
ID = re.compile(r"[0-9]{1,9}")


def as_id(value):
    """A database id from form input ("42"), or None for anything else: str.isdigit()
    also accepts "²", which int() then refuses with a ValueError."""
    text = str(value).strip()
    return int(text) if ID.fullmatch(text) else None


def search_text(params, name="q", max_length=DEFAULT_MAX_LENGTH):
    """The text typed into a search box: NUL characters removed (PostgreSQL refuses them
    in a query, which would be a 500), runs of whitespace collapsed, cut to max_length."""
    raw = str(params.get(name, "")).replace("\x00", "")
    return " ".join(raw.split())[:max_length]


MAX_QUERY_LENGTH = DEFAULT_MAX_LENGTH


@dataclass
class LenientFilters:
    """Listing filters read from a query string that never raise: an unknown value is
    dropped and a notice tells the visitor what was ignored, so a stale or hand-edited
    link (an old category slug, a sort that no longer exists) still shows a useful list.

    Subclasses (the course catalog, the examiner directory, the reviews page) read their
    fields with `choice()` and keep `notices` to show above the results.
    """

    notices: list = field(default_factory=list)

    def choice(self, params, name, allowed, label, default=""):
        """`params[name]` if it is one of `allowed`, else `default` (noting unknown values)."""
        value = str(params.get(name, "")).strip()
        if value and value not in allowed:
            self.notices.append(f"We ignored an unknown {label}.")
            return default
        return value or default
