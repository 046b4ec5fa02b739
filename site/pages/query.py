"""Reading search boxes from query strings the same way everywhere."""

DEFAULT_MAX_LENGTH = 100


def search_text(params, name="q", max_length=DEFAULT_MAX_LENGTH):
    """The text typed into a search box: NUL characters removed (PostgreSQL refuses them
    in a query, which would be a 500), runs of whitespace collapsed, cut to max_length."""
    raw = str(params.get(name, "")).replace("\x00", "")
    return " ".join(raw.split())[:max_length]
