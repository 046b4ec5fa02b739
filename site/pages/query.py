"""Reading search boxes from query strings the same way everywhere."""

import re

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
