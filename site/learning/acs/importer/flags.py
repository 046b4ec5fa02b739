"""The reviewed planning flags shipped beside a standard: `data/<document id>.flags.json`.

The ACS prints no "can be shown on the ground" mark on a skill element, and its Notes name
"crosswind elements" and "at least one ground reference maneuver" without listing codes,
so these are curated by people and kept in a reviewed file (its "about" list says how)
that `import_acs` applies. A standard without such a file gets no flags: no skill is
planned into a mock oral until an instructor marks it in the admin.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from .parser import AcsParseError

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass
class PlanningFlags:
    ground_evaluable: dict = field(default_factory=dict)  # skill code -> bool
    crosswind: set = field(default_factory=set)  # codes
    choice_groups: dict = field(default_factory=dict)  # code -> group name

    def codes(self):
        return set(self.ground_evaluable) | self.crosswind | set(self.choice_groups)


def flags_path(document_id):
    return DATA / f"{document_id}.flags.json"


def load_flags(document_id):
    """The PlanningFlags for `document_id` (empty when no file is shipped for it)."""
    path = flags_path(document_id)
    if not path.is_file():
        return PlanningFlags()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        choice_groups = {
            code: name for name, codes in data["choice_groups"].items() for code in codes
        }
        return PlanningFlags(
            ground_evaluable={
                code: bool(value) for code, value in data["ground_evaluable"].items()
            },
            crosswind=set(data["crosswind"]),
            choice_groups=choice_groups,
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise AcsParseError(f"{path.name} is not a planning flags file: {error}") from error
