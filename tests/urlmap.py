"""Every URL pattern the site answers, walked from the root resolver, so sweeping tests
(login hand-over, malformed input) cover routes added later without being told."""

import re
from dataclasses import dataclass

from django.urls import URLResolver, get_resolver

# A route converter (<id:lesson_id>) or a regex group ((?P<key>...), (\d+), (.*)).
PLACEHOLDER = re.compile(
    r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\((?:\?P<(?P<group>\w+)>)?[^()]*\)"
)
REGEX_SYNTAX = re.compile(r"[\^$]")


@dataclass(frozen=True)
class Route:
    """One URL pattern: its full route text with placeholders, and its name."""

    route: str
    name: str | None

    @property
    def placeholders(self):
        """The names of the route's parameters, in order ("" for unnamed groups)."""
        return [match["name"] or match["group"] or "" for match in PLACEHOLDER.finditer(self.route)]

    @property
    def id_placeholders(self):
        """The names of the route's ``<id:...>`` parameters (database ids), in order."""
        return [
            match["name"]
            for match in PLACEHOLDER.finditer(self.route)
            if match["converter"] == "id"
        ]

    def fill(self, values):
        """The path with each placeholder replaced by values[name] (a string), or by
        values[""] for unnamed ones; regex anchors are dropped."""

        def value(match):
            key = match["name"] or match["group"] or ""
            return values.get(key, values.get("", "1"))

        return "/" + REGEX_SYNTAX.sub("", PLACEHOLDER.sub(value, self.route))

    def __str__(self):
        return f"{self.name or '(unnamed)'} /{self.route}"


def all_routes(patterns=None, prefix=""):
    """Every URL pattern below the root URLconf, depth first, in resolution order."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        text = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from all_routes(pattern.url_patterns, text)
        else:
            yield Route(text, pattern.name)
